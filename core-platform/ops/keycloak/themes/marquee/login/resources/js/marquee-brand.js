/*
 * Marquee login theme: per-tenant branding.
 *
 * A tenant console sends users here through its own public client "tenant-<slug>",
 * whose redirect URIs are the tenant's domains. On the first login page the
 * redirect_uri query parameter therefore names the tenant origin; we load
 * <origin>/brand/login.css from it. The origin is remembered in sessionStorage
 * (per client_id) for later pages (wrong password, required actions, ...), whose
 * URLs no longer carry redirect_uri but still carry client_id.
 *
 * Keycloak has validated redirect_uri against the client before it renders a login
 * form; on its error page (e.g. "Invalid parameter: redirect_uri") nothing is loaded.
 */
(function () {
    "use strict";

    var CLIENT_PREFIX = "tenant-";
    var STORAGE_PREFIX = "marquee.brand.";
    var STYLESHEET_PATH = "/brand/login.css";
    var PENDING_TIMEOUT_MS = 3000;

    var html = document.documentElement;
    var params;
    try {
        params = new URLSearchParams(window.location.search);
    } catch (e) {
        return;
    }

    /* Returns "scheme://host[:port]" for an absolute http(s) URL, else null. */
    function httpOrigin(value) {
        if (!value || typeof value !== "string") {
            return null;
        }
        var url;
        try {
            url = new URL(value);
        } catch (e) {
            return null;
        }
        if (url.protocol !== "http:" && url.protocol !== "https:") {
            return null;
        }
        if (url.username || url.password || !url.hostname) {
            return null;
        }
        return url.origin;
    }

    function storageGet(key) {
        try {
            return window.sessionStorage.getItem(key);
        } catch (e) {
            return null;
        }
    }

    function storageSet(key, value) {
        try {
            if (value) {
                window.sessionStorage.setItem(key, value);
            } else {
                window.sessionStorage.removeItem(key);
            }
        } catch (e) {
            /* storage disabled: branding only on the first page */
        }
    }

    var clientId = params.get("client_id") || "";
    if (clientId.indexOf(CLIENT_PREFIX) !== 0) {
        return; /* operator console, CLI, account console ...: platform look */
    }
    var storageKey = STORAGE_PREFIX + clientId;
    var fromUrl = params.has("redirect_uri");
    var origin = fromUrl ? httpOrigin(params.get("redirect_uri")) : httpOrigin(storageGet(storageKey));
    if (!origin) {
        if (fromUrl) {
            storageSet(storageKey, null);
        }
        return;
    }

    html.classList.add("marquee-tenant-pending");
    var pendingTimer = window.setTimeout(function () {
        html.classList.remove("marquee-tenant-pending");
    }, PENDING_TIMEOUT_MS);

    function done(loaded) {
        window.clearTimeout(pendingTimer);
        html.classList.remove("marquee-tenant-pending");
        if (loaded) {
            html.classList.add("marquee-tenant-loaded");
        }
    }

    function decorateHeader() {
        var wrapper = document.getElementById("kc-header-wrapper");
        if (!wrapper || wrapper.querySelector(".marquee-tenant-brand")) {
            return;
        }
        var platform = document.createElement("span");
        platform.className = "marquee-platform-name";
        while (wrapper.firstChild) {
            platform.appendChild(wrapper.firstChild);
        }
        var brand = document.createElement("span");
        brand.className = "marquee-tenant-brand";
        var logo = document.createElement("span");
        logo.className = "marquee-tenant-logo";
        logo.setAttribute("aria-hidden", "true");
        var name = document.createElement("span");
        name.className = "marquee-tenant-name";
        brand.appendChild(logo);
        brand.appendChild(name);
        wrapper.appendChild(platform);
        wrapper.appendChild(brand);
    }

    function apply() {
        var body = document.body;
        var pageId = (body && body.getAttribute("data-page-id")) || "";
        if (pageId === "login-error") {
            done(false); /* redirect_uri may not have been accepted: do not trust it */
            return;
        }
        if (fromUrl) {
            storageSet(storageKey, origin);
        }
        html.setAttribute("data-marquee-tenant-origin", origin);
        decorateHeader();

        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.id = "marquee-tenant-css";
        link.href = origin + STYLESHEET_PATH;
        link.onload = function () { done(true); };
        link.onerror = function () {
            if (link.parentNode) {
                link.parentNode.removeChild(link);
            }
            done(false);
        };
        document.head.appendChild(link);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", apply);
    } else {
        apply();
    }
})();
