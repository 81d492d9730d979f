package io.marquee.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.support.Api;
import io.marquee.support.Platform;
import io.marquee.support.Shop;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront search as a visitor's URLs drive it: words, dates, category, genre, city, price
 * range, distance, sort orders and pages; bad filter values explained, script text escaped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorefrontSearchIT {
  static Shop shop;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  static String venue(String name, String city, double lat, double lng) {
    return shop.created(
            shop.staff()
                .post(
                    "/api/v1/venues",
                    "{\"name\":\""
                        + name
                        + "\",\"city\":\""
                        + city
                        + "\",\"latitude\":"
                        + lat
                        + ",\"longitude\":"
                        + lng
                        + "}"))
        .getString("id");
  }

  static void event(
      String title, String venue, String category, String genre, int days, long price, int sold) {
    String starts =
        Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    JsonObject e =
        shop.created(
            shop.staff()
                .post(
                    "/api/v1/events",
                    "{\"title\":\""
                        + title
                        + "\",\"startsAt\":\""
                        + starts
                        + "\",\"venueId\":\""
                        + venue
                        + "\",\"category\":\""
                        + category
                        + "\",\"genres\":[\""
                        + genre
                        + "\"]}"));
    String type = shop.ticketType(e.getString("id"), "Entry", price, 100, 10).getString("id");
    shop.publish(e.getString("id"));
    if (sold > 0) {
      JsonObject order = shop.created(shop.order(e.getString("id"), type, sold));
      shop.payWithTestGateway(order, true);
    }
  }

  @BeforeAll
  static void setUp() {
    shop = Shop.open("search");
    String amsterdam = venue("Paradiso", "Amsterdam", 52.3622, 4.8838);
    String berlin = venue("Berghain", "Berlin", 52.5111, 13.4430);
    String vienna = venue("Staatsoper", "Vienna", 48.2030, 16.3690);
    event("Moonlight Jazz", amsterdam, "music", "jazz", 20, 2500, 1);
    event("Techno Bunker", berlin, "club", "techno", 3, 1500, 3);
    event("Opera Gala", vienna, "classical", "opera", 40, 9000, 2);
    for (int i = 1; i <= 11; i++) {
      event("Open Mic " + i, amsterdam, "comedy", "standup", 50 + i, 500, 0);
    }
  }

  static List<String> titles(String query) {
    return titles(shop, query);
  }

  static List<String> titles(Shop in, String query) {
    Api.Reply r = in.guest().get("/" + query);
    assertEquals(200, r.status(), r.toString());
    // The result list only (the unfiltered home page also shows "Popular now" above it).
    String results = r.body().substring(r.body().indexOf("id=\"events\""));
    return Pattern.compile("class=\"event-card-title\" href=\"[^\"]+\">([^<]+)</a>")
        .matcher(results)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  static String page(String query) {
    return shop.guest().get("/" + query).body();
  }

  @Test
  void filtersNarrowTheResults() {
    assertEquals(List.of("Techno Bunker"), titles("?category=club"));
    assertTrue(page("?category=club").contains("<option value=\"club\" selected=\"selected\">"));
    assertFalse(page("").contains("selected=\"selected\""), "no filter chosen on the bare page");
    assertEquals(List.of("Opera Gala"), titles("?genre=OPERA"));
    assertEquals(List.of("Opera Gala"), titles("?city=vienna"));
    assertEquals(List.of("Moonlight Jazz"), titles("?q=jazz+paradiso"), "every word must match");
    assertEquals(List.of("Techno Bunker"), titles("?q=berghain"), "venue names are searched");
    assertEquals(List.of("Opera Gala"), titles("?min=50&max=100"), "price in euros");
    assertEquals(List.of("Techno Bunker"), titles("?when=week"));
    String in30 = Instant.now().plus(30, ChronoUnit.DAYS).toString().substring(0, 10);
    String in45 = Instant.now().plus(45, ChronoUnit.DAYS).toString().substring(0, 10);
    assertEquals(List.of("Opera Gala"), titles("?from=" + in30 + "&to=" + in45));
    // Within 50 km of central Amsterdam: the Paradiso events only.
    List<String> near = titles("?near=52.37,4.89&km=50&sort=distance");
    assertTrue(near.contains("Moonlight Jazz") && !near.contains("Techno Bunker"), near.toString());
    assertTrue(page("?near=52.37,4.89&km=50").contains("km away"), "distance shown");
    assertFalse(page("?city=Amsterdam").contains("km away"), "no distance without a point");
  }

  @Test
  void sortOrdersAndPagesAreStable() {
    List<String> byPrice = titles("?sort=price");
    assertEquals("Open Mic 1", byPrice.get(0), byPrice.toString());
    assertEquals(
        List.of("Techno Bunker", "Moonlight Jazz", "Opera Gala"), titles("?min=10&sort=price"));
    List<String> popular = titles("?sort=popularity");
    assertEquals(List.of("Techno Bunker", "Opera Gala", "Moonlight Jazz"), popular.subList(0, 3));
    List<String> first = titles("");
    List<String> second = titles("?page=2");
    assertEquals(12, first.size(), "a page holds 12");
    assertEquals(2, second.size(), "14 events in all");
    assertTrue(first.stream().noneMatch(second::contains), "pages do not overlap");
    assertEquals("Techno Bunker", first.get(0), "date order by default");
    assertTrue(page("").contains("id=\"page-next\""));
    String popular3 = page("");
    assertTrue(
        popular3.indexOf("id=\"popular\"") < popular3.indexOf("Techno Bunker"),
        "the best seller is shown as popular on the home page");
    assertTrue(page("?page=2").contains("id=\"page-prev\""));
    assertTrue(titles("?page=99").isEmpty());
  }

  @Test
  void badFiltersAreExplainedAndScriptsEscaped() {
    String body = page("?min=abc&near=north&sort=sideways&from=yesterday");
    assertTrue(body.contains("Price from must be an amount"), "price explained");
    assertTrue(body.contains("Near must be"), "point explained");
    assertTrue(body.contains("sort order is not known"), "sort explained");
    assertTrue(body.contains("From must be a date"), "date explained");
    assertEquals(
        14, titles("?min=abc").size() + titles("?min=abc&page=2").size(), "ignored, not failed");
    String xss = page("?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assertFalse(xss.contains("<script>alert(1)</script>"), "search text is escaped");
    assertTrue(xss.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals(200, shop.guest().get("/?page=-5&km=999999999999").status());
  }

  @Test
  void organisersHaveAPageWithTheirEventsAndAreNamedInStructuredData() {
    Shop own = Shop.open("organiser"); // its own events: the other tests count theirs
    Api staff = own.staff();
    JsonObject org =
        own.created(
            staff.post(
                "/api/v1/organisers",
                "{\"name\":\"Friends of the Opera\",\"description\":\"Since 1921.\","
                    + "\"website\":\"https://opera.example\"}"));
    assertEquals("friends-of-the-opera", org.getString("slug"));
    Api.Reply badSite =
        staff.post("/api/v1/organisers", "{\"name\":\"X\",\"website\":\"javascript:alert(1)\"}");
    assertEquals(400, badSite.status());
    assertTrue(badSite.body().contains("\"field\":\"website\""), badSite.body());
    String starts =
        Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    Api.Reply noSuch =
        staff.post(
            "/api/v1/events",
            "{\"title\":\"Ghost\",\"startsAt\":\""
                + starts
                + "\",\"organiserId\":\""
                + java.util.UUID.randomUUID()
                + "\"}");
    assertEquals(400, noSuch.status());
    assertTrue(noSuch.body().contains("\"field\":\"organiserId\""), noSuch.body());
    JsonObject gala =
        own.created(
            staff.post(
                "/api/v1/events",
                "{\"title\":\"Winter Gala\",\"startsAt\":\""
                    + starts
                    + "\",\"organiserId\":\""
                    + org.getString("id")
                    + "\"}"));
    own.ticketType(gala.getString("id"), "Stalls", 12000, 50, 4);
    own.publish(gala.getString("id"));

    assertEquals(List.of("Winter Gala"), titles(own, "organiser.xhtml?o=friends-of-the-opera"));
    assertTrue(
        own.guest().get("/organiser.xhtml?o=friends-of-the-opera").body().contains("Since 1921."));
    String event = own.guest().get("/event.xhtml?e=" + gala.getString("slug")).body();
    assertTrue(event.contains("/organiser.xhtml?o=friends-of-the-opera"), "organiser linked");
    assertTrue(
        event.contains(
            "\"organizer\":{\"@type\":\"Organization\",\"name\":\"Friends of the Opera\""));
    assertEquals(404, own.guest().get("/organiser.xhtml?o=nobody").status());
    Shop other = Shop.open("search-other");
    assertEquals(404, other.guest().get("/organiser.xhtml?o=friends-of-the-opera").status());
  }
}
