package io.marquee.tenancy.application;

/**
 * Fired once at start-up after the platform schema and every tenant schema are migrated: work that
 * needs the tables (jobs) starts on it rather than on application start.
 */
public record SchemasReady(int tenants) {}
