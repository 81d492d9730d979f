/** The failure type every layer may throw; rendered as problem+json by the web layer. */
package io.marquee.common.problem;
