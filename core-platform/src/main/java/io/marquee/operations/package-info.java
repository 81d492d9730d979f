/** Operational endpoints: MicroProfile Health readiness and liveness checks. */
package io.marquee.operations;
