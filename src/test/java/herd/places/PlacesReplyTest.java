package herd.places;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class PlacesReplyTest {

    @Test
    void printsLikeGoogleAndCutsResultsToTheBound() {
        JsonObject response = new JsonObject()
                .put("html_attributions", new JsonArray())
                .put("results", new JsonArray()
                        .add(new JsonObject().put("geometry", new JsonObject().put("location",
                                new JsonObject().put("lat", 34.07).put("lng", -118.44)))
                                .put("name", "A\n\nB").put("types", new JsonArray().add("university")))
                        .add(new JsonObject().put("name", "second"))
                        .add(new JsonObject().put("name", "third")))
                .put("status", "OK");
        String expected = """
                {
                   "html_attributions" : [],
                   "results" : [
                      {
                         "geometry" : {
                            "location" : {
                               "lat" : 34.07,
                               "lng" : -118.44
                            }
                         },
                         "name" : "A\\n\\nB",
                         "types" : [
                            "university"
                         ]
                      },
                      {
                         "name" : "second"
                      }
                   ],
                   "status" : "OK"
                }""";
        assertEquals(expected, PlacesReply.format(response, 2));
        assertEquals(3, response.getJsonArray("results").size(), "a cached answer must stay whole");
    }

    @Test
    void aFailureKeepsTheShape() {
        String expected = """
                {
                   "html_attributions" : [],
                   "results" : [],
                   "status" : "UNKNOWN_ERROR",
                   "error_message" : "places provider answered HTTP 500"
                }""";
        assertEquals(expected, PlacesReply.format(
                PlacesResponses.failure("UNKNOWN_ERROR", "places provider answered HTTP 500"), 5));
    }

    @Test
    void emptyObjectsAndArraysStayOnOneLineAndOtherKeysKeepTheirPlace() {
        JsonObject response = new JsonObject()
                .put("html_attributions", new JsonArray())
                .put("next_page_token", "AciIO2d")
                .put("results", new JsonArray().add(new JsonObject()
                        .put("name", "A")
                        .put("opening_hours", new JsonObject())
                        .put("photos", new JsonArray())
                        .put("rating", 4)))
                .put("status", "OK");
        String expected = """
                {
                   "html_attributions" : [],
                   "next_page_token" : "AciIO2d",
                   "results" : [
                      {
                         "name" : "A",
                         "opening_hours" : {},
                         "photos" : [],
                         "rating" : 4
                      }
                   ],
                   "status" : "OK"
                }""";
        assertEquals(expected, PlacesReply.format(response, 20));
    }
}
