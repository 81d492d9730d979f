package io.marquee.identity.domain;

/** Actions guarded in the console and the API. */
public enum Permission {
  VIEW_DASHBOARD,
  VIEW_AUDIT,
  VIEW_TEAM,
  MANAGE_TEAM,
  MANAGE_BRANDING,
  MANAGE_API_KEYS,
  VIEW_EVENTS,
  MANAGE_EVENTS,
  VIEW_ORDERS,
  MANAGE_ORDERS,
  REFUND_ORDERS,
  CONFIRM_AT_DOOR,
  VIEW_REPORTS,
  /** Switch paid add-ons on and off (they are billed): owners and finance only. */
  MANAGE_PLUGINS
}
