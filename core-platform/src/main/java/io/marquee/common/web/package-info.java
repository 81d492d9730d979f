/**
 * Web plumbing shared by every capability: the API root and problem+json error rendering. No
 * business rules.
 */
package io.marquee.common.web;
