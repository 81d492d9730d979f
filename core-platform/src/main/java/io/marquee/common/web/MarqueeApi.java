package io.marquee.common.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API root. Platform (operator) resources live under /api/platform, tenant resources under
 * /api/console.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Marquee API", version = "0.1.0"))
public class MarqueeApi extends Application {}
