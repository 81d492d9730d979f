package io.marquee.plugins.checkin;

import org.pf4j.Plugin;

/**
 * Smart check-in (add-on proposal §1): gates and door devices per event ({@link DevicesScreen}), a
 * scan API with one atomic single-use check per scan and idempotent offline sync ({@link Scans},
 * {@link DoorApi}), an offline-first PWA for door staff ({@code assets/app.html}), a live dashboard
 * ({@link DashboardScreen}) and metering: one {@code scan} unit per admission, one {@code
 * extra-device} unit per device beyond the three included, per month ({@link DeviceBilling}).
 */
public class CheckinPlugin extends Plugin {}
