package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ankimaven.testsupport.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the previews that {@code anki:preview} writes in a real, headless Chromium: the
 * system's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages
 * {@code chromium} and {@code chromium-driver}), so Selenium Manager never downloads anything;
 * {@code ANKI_PREVIEW_CHROMIUM} and {@code ANKI_PREVIEW_CHROMEDRIVER} may name others. Without
 * them the test skips, except on CI ({@code CI=true}), where it fails.
 */
class PreviewBrowserIT {

    private static final Path CHROMIUM = executable("ANKI_PREVIEW_CHROMIUM", "/usr/bin/chromium");
    private static final Path CHROMEDRIVER = executable("ANKI_PREVIEW_CHROMEDRIVER", "/usr/bin/chromedriver");

    @TempDir
    static Path profile;

    private static ChromeDriver driver;

    /** The Debian path, or another browser or driver named by an environment variable (GitHub's runners have Chrome). */
    private static Path executable(String variable, String debianPath) {
        String configured = System.getenv(variable);
        return Path.of(configured == null || configured.isBlank() ? debianPath : configured);
    }

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, missing + ": on CI (CI=true) the preview's browser test must run; .ci/run installs them");
        }
        assumeTrue(installed, "Skipping the preview's browser test: " + missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.resolve("chromium"));
        // An alert would stay open, so that the test can see it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // A driver executable given to the service means Selenium Manager is never asked for one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Runs {@code anki:preview} on a copy of the project and opens its index.html. */
    private static MavenRun openPreview(String project, String name) throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve(project), "preview-" + name),
                "io.github.ankimaven:anki-maven-plugin:" + MavenRun.pluginVersion() + ":preview");
        assertEquals(0, run.exitCode, run.log());
        Path index = run.project.resolve("target/anki-preview/index.html");
        driver.get(index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready")));
        return run;
    }

    private static List<WebElement> cards() {
        return driver.findElements(By.cssSelector("article.card"));
    }

    private static List<WebElement> visibleCards() {
        return cards().stream().filter(WebElement::isDisplayed).toList();
    }

    /** The text of one side of a card, read inside its sandboxed frame. */
    private static String side(WebElement card, String side) {
        driver.switchTo().frame(card.findElement(By.cssSelector("iframe." + side)));
        try {
            return driver.findElement(By.tagName("body")).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** Whether the side's first image loaded (from the preview's media folder), waiting for it. */
    private static long imageWidth(WebElement card, String side) {
        driver.switchTo().frame(card.findElement(By.cssSelector("iframe." + side)));
        try {
            WebElement image = driver.findElement(By.tagName("img"));
            return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                Object width = ((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete ? arguments[0].naturalWidth : null", image);
                return width == null ? null : ((Number) width).longValue();
            });
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private static String shown() {
        return driver.findElement(By.id("shown")).getText();
    }

    private static WebElement filter(String kind, String value) {
        return driver.findElement(By.cssSelector("button.filter[data-kind='" + kind + "'][data-value='" + value + "']"));
    }

    private static void assertNoAlertAndNothingRan(String title) {
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no card raised an alert");
        assertEquals(title, driver.getTitle(), "no card script changed the page");
    }

    @Test
    void theShippedDeckShowsEveryCardFrontAndBackAndFiltersBySearchAndTag() throws Exception {
        MavenRun run = openPreview("source-cards", "source-cards");
        assertEquals(List.of("[INFO] Wrote the preview of 40 cards: open target/anki-preview/index.html in a browser"),
                run.linesStartingWith("[INFO] Wrote the preview"));
        List<WebElement> cards = cards();
        assertEquals(40, cards.size(), "20 notes x 2 cards");
        assertEquals("40 of 40 cards", shown());
        for (WebElement card : cards) {
            String front = side(card, "front");
            String back = side(card, "back");
            assertFalse(front.isBlank(), card.getAttribute("id"));
            assertTrue(back.startsWith(front) && back.length() > front.length(), "the back shows the front, then the answer: " + back);
        }
        WebElement first = cards.get(0);
        assertEquals("Safety in VM", side(first, "front"));
        assertEquals("Safety in VM\nThe hypervisor should have full control of the virtualized resources.", side(first, "back"));
        assertEquals("src/main/anki/virtualization-and-cloud.csv:2", first.findElement(By.cssSelector("a.source")).getText());
        WebElement diagram = cards.stream().filter(c -> c.getAttribute("data-text").contains("type 1 hypervisor")).findFirst()
                .orElseThrow();
        assertTrue(imageWidth(diagram, "back") > 0, "the diagram is shown from the preview's media folder");

        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("paravirtualization");
        List<WebElement> found = visibleCards();
        assertTrue(!found.isEmpty() && found.size() < 40, found.size() + " cards");
        assertEquals(found.size() + " of 40 cards", shown());
        found.forEach(card -> assertTrue((side(card, "front") + side(card, "back")).toLowerCase().contains("paravirtualization")));
        search.clear();
        search.sendKeys(" ");
        assertEquals("40 of 40 cards", shown());

        WebElement hardware = filter("tag", "hardware");
        String count = hardware.findElement(By.cssSelector(".count")).getText();
        hardware.click();
        assertEquals(count + " of 40 cards", shown());
        visibleCards().forEach(card -> assertTrue(card.getAttribute("data-tags").startsWith("hardware")));
        assertEquals("true", hardware.getAttribute("aria-pressed"));
        hardware.click();
        assertEquals("40 of 40 cards", shown());

        assertNoAlertAndNothingRan("Virtualization and Cloud \u2014 Anki preview");
        Object external = driver.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith('file:'))");
        assertEquals(List.of(), external, "the page loads nothing from the network");
        Path screenshot = Path.of(System.getProperty("screenshot.directory", "target"), "preview-screenshot.png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aClozeCardHidesExactlyItsActiveDeletionUntilTheBack() throws Exception {
        openPreview("examples/cloze", "cloze");
        List<WebElement> cards = cards();
        assertEquals(6, cards.size(), "cards c1, c2; c1; c1, c2, c3");
        assertEquals("A [...] runs virtual machines.", side(cards.get(0), "front"));
        assertEquals("A hypervisor runs virtual machines.\nAlso called a virtual machine monitor (VMM).", side(cards.get(0), "back"));
        assertEquals("A hypervisor runs [...].", side(cards.get(1), "front"));
        assertEquals("[a technique] modifies the source code of the guest OS.", side(cards.get(2), "front"), "the hint");
        assertEquals("Paravirtualization modifies the source code of the guest OS.", side(cards.get(2), "back"));
        assertEquals("Three NIST cloud characteristics: on-demand service, broad network access and [...].",
                side(cards.get(5), "front"));
        assertEquals("Cloze 3", cards.get(5).findElement(By.cssSelector(".template")).getText());
        assertNoAlertAndNothingRan("Cloze Example Deck \u2014 Anki preview");
    }

    @Test
    void aScriptInATextFieldIsShownAsTextAndNoCardRunsAnything() throws Exception {
        MavenRun run = openPreview("plugin/src/it-projects/preview-safety", "safety");
        assertEquals(1, run.linesStartingWith("[INFO] Wrote the preview of 6 cards (with 2 errors and 0 warnings beside their"
                + " cards): open target/anki-preview/index.html").size(), run.log());
        List<WebElement> cards = cards();
        assertEquals(6, cards.size());
        assertEquals("<script>alert(1)</script>", side(cards.get(0), "front"));
        assertEquals("<script>alert(1)</script>\nA term typed as text is shown as text: nothing in it runs.",
                side(cards.get(0), "back"));
        WebElement diagram = cards.get(2);
        assertEquals(120, imageWidth(diagram, "back"), "the picture is shown; its onload attribute does not run");
        List<String> findings = diagram.findElements(By.cssSelector("ul.findings li.error")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.startsWith("ERROR src/main/anki/cards.csv:3: ")), findings.toString());
        assertNoAlertAndNothingRan("Preview Safety \u2014 Anki preview");

        filter("problems", "1").click();
        assertEquals("2 of 6 cards", shown());
        filter("problems", "1").click();
        filter("deck", "Preview Safety::Safety").click();
        assertEquals("4 of 6 cards", shown());
        filter("tag", "media").click();
        assertEquals("2 of 6 cards", shown(), "deck and tag filters combine");
        Path screenshot = Path.of(System.getProperty("screenshot.directory", "target"), "preview-safety-screenshot.png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }
}
