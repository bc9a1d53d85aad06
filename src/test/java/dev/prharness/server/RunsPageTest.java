package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.store.JobStatus;
import dev.prharness.store.NewJob;
import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The runs page of the real server: over plain HTTP (no token, a wrong one, no CSRF token), and in a real headless
 * browser (Debian's chromium and chromedriver through Selenium), which signs in, opens a run and retries a dead job.
 */
class RunsPageTest {

    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final boolean BROWSER_REQUIRED = Boolean.getBoolean("prharness.browser.required");

    @TempDir
    Path dir;

    private FakeGitHub github;
    private TestServer server;
    private String base;
    private long dead;
    private long done;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aServerWithRuns() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("A.java", "class A {}\n");
        repo.commit("base");
        github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-runs");
        Map<String, String> env = TestServer.environment(dir, "runs-secret", github, "gh-runs", "");
        env.put("PR_HARNESS_ADMIN_TOKEN", ADMIN);
        server = new TestServer(env);
        base = server.webhooks.get("/healthz").uri().toString().replace("/healthz", "");
        done = server.store.enqueue(new NewJob("d1", "review", "acme/widgets", 7, 1, "{\"type\":\"review\",\"full\":true}", true)).jobId();
        dead = server.store.enqueue(new NewJob("d2", "command", "acme/gadgets", 8, 1,
                "{\"type\":\"command\",\"name\":\"review\",\"comment_id\":1,\"body\":\"/review\",\"user\":\"m\",\"user_type\":\"User\"}",
                true)).jobId();
        server.store.claim("w", Duration.ofMinutes(1));
        server.store.claim("w", Duration.ofMinutes(1));
        server.store.complete(done, "w");
        server.store.saveRunRecord(done, 1, "{\"outcome\":\"done\",\"duration_ms\":1234,\"events\":[{\"event\":\"model_call\","
                + "\"at_ms\":10,\"model\":\"strong\",\"cost_usd\":0.0123},{\"event\":\"posted\",\"at_ms\":900,\"summary\":true}]}");
        server.store.dead(dead, "w", "GitHub answered 404 <script>alert('x')</script>");
    }

    @AfterEach
    void stop() {
        server.close();
        github.close();
    }

    @Test
    void withoutTheTokenThereIsNoDataAndARetryNeedsItsCsrfToken() throws Exception {
        HttpResponse<String> anonymous = get("/runs", null);
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body().contains("acme/"), "no data without the token");
        assertEquals(401, get("/runs/" + dead, "Bearer wrong-token-0123456789").statusCode());
        assertFalse(get("/runs/" + dead, "Bearer wrong-token-0123456789").body().contains("404"));

        HttpResponse<String> list = get("/runs", "Bearer " + ADMIN);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("acme/widgets") && list.body().contains("acme/gadgets") && list.body().contains("$0.0123"),
                list.body());
        HttpResponse<String> run = get("/runs/" + dead, "Bearer " + ADMIN);
        assertTrue(run.body().contains("&lt;script&gt;") && !run.body().contains("<script>"), "escaped: " + run.body());

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/runs/" + dead + "/retry"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=guess")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertEquals(JobStatus.DEAD, server.store.find(dead).orElseThrow().status());
    }

    @Test
    void anOperatorSignsInOpensARunAndRetriesADeadJobInABrowser() {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser && BROWSER_REQUIRED) {
            throw new AssertionError("chromium and chromedriver are required here (-Dprharness.browser.required=true); "
                    + "install them: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(browser, "the browser test needs Debian's chromium and chromium-driver "
                + "(apt-get install -y chromium chromium-driver); .ci/run installs them");
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browserDriver = new ChromeDriver(service, options);
        try {
            String page = base.replace("127.0.0.1", "localhost");
            browserDriver.get(page + "/runs");
            assertTrue(browserDriver.findElements(By.id("runs")).isEmpty(), "no data before signing in");
            WebDriverWait wait = new WebDriverWait(browserDriver, Duration.ofSeconds(15));
            browserDriver.findElement(By.id("token")).sendKeys("not-the-token-at-all");
            browserDriver.findElement(By.id("login")).click();
            assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem"))).getText()
                    .contains("not the admin token"));

            browserDriver.findElement(By.id("token")).sendKeys(ADMIN);
            browserDriver.findElement(By.id("login")).click();
            String table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs"))).getText();
            assertTrue(table.contains("acme/widgets") && table.contains("acme/gadgets") && table.contains("dead"), table);

            browserDriver.findElement(By.linkText(String.valueOf(done))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("timeline")));
            assertTrue(browserDriver.getPageSource().contains("model_call"), "the run's timeline");
            browserDriver.get(page + "/runs");
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText(String.valueOf(dead)))).click();
            assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText()
                    .contains("<script>alert('x')</script>"), "the error is shown as text");
            browserDriver.findElement(By.id("retry")).click();

            wait.until(ExpectedConditions.textToBe(By.id("status"), "queued"));
            assertEquals(JobStatus.QUEUED, server.store.find(dead).orElseThrow().status());
        } finally {
            browserDriver.quit();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
