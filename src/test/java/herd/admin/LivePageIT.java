package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.config.PeerAddress;
import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.Browser;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The live page in a real browser (headless Chromium), served by a member of the standard herd. */
@ExtendWith(VertxExtension.class)
class LivePageIT {

    /** Each of the standard herd's six neighbour pairs is drawn as two halves, one per direction. */
    private static final int HALF_LINKS = 12;

    private static Browser browser;
    private TestHerd herd;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    private WebDriver open(String member) {
        WebDriver page = browser.driver();
        page.get("http://127.0.0.1:" + herd.adminPort(member) + "/");
        browser.await("every member and link up", d -> d.findElements(By.cssSelector("g.member[data-state=up]")).size() == 5
                && d.findElements(By.cssSelector("line.link[data-state=up]")).size() == HALF_LINKS);
        return page;
    }

    @Test
    void showsEveryMemberAndAnIamatFloodingOntoTheMap() throws IOException {
        WebDriver page = open("Clark");
        List<String> shown = page.findElements(By.cssSelector("g.member")).stream()
                .map(member -> member.getAttribute("data-member")).sorted().toList();
        assertEquals(List.of("Bailey", "Bona", "Campbell", "Clark", "Jaquez"), shown);

        try (LineClient bailey = new LineClient(herd.port("Bailey"))) {
            bailey.send("IAMAT live.kiwi +34.068930-118.445127 " + System.currentTimeMillis() / 1000 + "\n").readLine();
        }
        WebElement point = browser.await("the IAMAT Bailey heard on Clark's map",
                d -> d.findElements(By.cssSelector("circle.point[data-client='live.kiwi']")).stream().findFirst()
                        .orElse(null));
        assertEquals(180 - 118.445127, Double.parseDouble(point.getAttribute("cx")), 0.01);
        assertEquals(90 - 34.068930, Double.parseDouble(point.getAttribute("cy")), 0.01);
        assertEquals("Bailey", point.getAttribute("data-origin"));
        browser.await("Clark's propagation curve", d -> !d.findElements(
                By.cssSelector("#propagation-plot path.curve[data-member=Clark]")).isEmpty());
        browser.await("Bailey's IAMAT reply curve", d -> !d.findElements(
                By.cssSelector("#reply-plot path.curve.iamat[data-member=Bailey]")).isEmpty());
        sendAroundTheWorld();
        browser.await("clients around the world", d -> d.findElements(By.cssSelector("circle.point")).size()
                == 1 + WORLD.length);
        browser.screenshot("live-page");
    }

    @Test
    void aStoppedMemberAndItsLinksTurnDown() throws IOException {
        open("Clark");
        herd.stopMember("Bona");
        browser.await("Bona down, and every neighbour's link to it", d ->
                !d.findElements(By.cssSelector("g.member[data-member=Bona][data-state=down]")).isEmpty()
                        && d.findElements(By.cssSelector("line.link[data-to=Bona]")).stream()
                        .allMatch(link -> "down".equals(link.getAttribute("data-state")))
                        && d.findElements(By.cssSelector("line.link[data-to=Bona]")).size() == 3);
        assertEquals("down", browser.driver().findElement(By.cssSelector("#members tr[data-member=Bona] td:nth-child(2)"))
                .getText());
        browser.screenshot("live-page-member-down");
    }

    @Test
    void aKilledMemberProcessTurnsDown(@TempDir Path dir) throws Exception {
        int alphaPort = FreePorts.next();
        int betaPort = FreePorts.next();
        MemberConfig alpha = MemberProcess.loopback("Alpha", alphaPort, Map.of("Beta", betaPort), dir).build();
        MemberConfig beta = MemberProcess.loopback("Beta", betaPort, Map.of("Alpha", alphaPort), dir).build();
        Map<String, PeerAddress> herdAdmin = Map.of("Alpha", new PeerAddress("127.0.0.1", alpha.admin().port()),
                "Beta", new PeerAddress("127.0.0.1", beta.admin().port()));
        MemberProcess alphaProcess = MemberProcess.of(alpha.toBuilder().herdAdmin(herdAdmin).build(), dir).start();
        MemberProcess betaProcess = MemberProcess.of(beta.toBuilder().herdAdmin(herdAdmin).build(), dir).start();
        try {
            alphaProcess.awaitListening();
            betaProcess.awaitListening();
            Await.until("the link between them up", Duration.ofSeconds(30),
                    () -> alphaProcess.linked() && betaProcess.linked());
            browser.driver().get("http://127.0.0.1:" + alpha.admin().port() + "/");
            browser.await("both members and both halves of their link up", d ->
                    d.findElements(By.cssSelector("g.member[data-state=up]")).size() == 2
                            && d.findElements(By.cssSelector("line.link[data-state=up]")).size() == 2);
            betaProcess.kill();
            browser.await("Beta down, and Alpha's link to it", d ->
                    !d.findElements(By.cssSelector("g.member[data-member=Beta][data-state=down]")).isEmpty()
                            && !d.findElements(By.cssSelector(
                                    "line.link[data-from=Alpha][data-to=Beta][data-state=down]")).isEmpty());
        } finally {
            for (MemberProcess process : List.of(alphaProcess, betaProcess)) {
                if (process.alive()) {
                    process.stop();
                }
            }
        }
    }

    @Test
    void theWhatsatFormShowsTheJsonAnswer() throws IOException {
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send("IAMAT form.kiwi +34.068930-118.445127 " + System.currentTimeMillis() / 1000 + "\n").readLine();
        }
        WebDriver page = open("Jaquez");
        browser.await("the IAMAT on the map", d -> !d.findElements(
                By.cssSelector("circle.point[data-client='form.kiwi']")).isEmpty());
        ask(page, "form.kiwi", "10", "3");
        WebElement answer = browser.await("the WHATSAT answer",
                d -> d.findElement(By.id("whatsat-answer")).getAttribute("data-outcome") != null
                        ? d.findElement(By.id("whatsat-answer")) : null);
        String text = answer.getText();
        assertEquals("ok", answer.getAttribute("data-outcome"), text);
        assertTrue(text.startsWith("AT Clark +") && text.contains(" form.kiwi +34.068930-118.445127 "), text);
        assertTrue(text.contains("\"status\": \"OK\"") && text.contains("\"name\": \"Los Angeles\""), text);

        ask(page, "nobody.kiwi", "10", "3");
        browser.await("the refusal of a client no member heard of", d -> d.findElement(By.id("whatsat-answer"))
                .getText().equals("? WHATSAT nobody.kiwi 10 3"));
        assertEquals("refused", page.findElement(By.id("whatsat-answer")).getAttribute("data-outcome"));
    }

    /** Cities on every continent, for a map worth looking at. */
    private static final String[] WORLD = {"+51.5074-0.1278", "+40.7128-74.0060", "-33.8688+151.2093",
        "+35.6762+139.6503", "-23.5505-46.6333", "+30.0444+31.2357", "+19.0760+72.8777", "+55.7558+37.6173",
        "-34.6037-58.3816", "+1.3521+103.8198", "-1.2921+36.8219", "+64.1466-21.9426"};

    private void sendAroundTheWorld() throws IOException {
        long now = System.currentTimeMillis() / 1000;
        List<String> members = List.copyOf(herd.running());
        for (int i = 0; i < WORLD.length; i++) {
            try (LineClient client = new LineClient(herd.port(members.get(i % members.size())))) {
                client.send("IAMAT city-" + i + " " + WORLD[i] + " " + now + "\n").readLine();
            }
        }
    }

    private static void ask(WebDriver page, String client, String radius, String max) {
        ((JavascriptExecutor) page).executeScript(
                "document.getElementById('whatsat-answer').removeAttribute('data-outcome')");
        for (String[] field : new String[][] {{"whatsat-client", client}, {"whatsat-radius", radius},
                {"whatsat-max", max}}) {
            WebElement input = page.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        page.findElement(By.id("whatsat-ask")).click();
    }
}
