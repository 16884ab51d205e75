package dev.localdb.testsuite.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: both at fixed paths, so
 * Selenium never downloads a driver or a browser. Closing quits the browser, stops the driver and
 * then kills whatever chromium or chromedriver this JVM started since, so no browser outlives its
 * test, even when quitting fails.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private final Set<Long> before;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Set<Long> before, ChromeDriverService service, ChromeDriver driver) {
        this.before = before;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Why the browser test cannot run on this machine, or empty when it can: only a missing
     * browser is a reason to skip. CI installs it; a driver missing beside it is a broken setup.
     */
    static Optional<String> missing() {
        return Files.isExecutable(CHROMIUM) ? Optional.empty()
                : Optional.of(CHROMIUM + " is missing: install Debian's chromium and chromium-driver (as .ci/run does) to run the dashboard's browser test");
    }

    /** A browser with a fresh profile in {@code scratch}; the driver's log goes there too. */
    static HeadlessChromium start(Path scratch) throws Exception {
        return start(scratch, Map.of());
    }

    /**
     * The same with extra environment for the driver and the browser it starts: {@code HOME}
     * chooses the NSS database ({@code $HOME/.pki/nssdb}) Chromium trusts certificates from.
     */
    static HeadlessChromium start(Path scratch, Map<String, String> environment) throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError(CHROMEDRIVER + " is missing while " + CHROMIUM + " is there: install Debian's chromium-driver");
        }
        Set<Long> before = descendantPids();
        Path profile = Files.createDirectory(scratch.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(environment).withLogFile(scratch.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--no-proxy-server", "--window-size=960,700", "--user-data-dir=" + profile);
        try {
            return new HeadlessChromium(before, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            try {
                service.stop();
            } finally {
                killStartedSince(before);
            }
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                killStartedSince(before);
            }
        }
    }

    private static void killStartedSince(Set<Long> before) throws Exception {
        List<ProcessHandle> ours = ProcessHandle.current().descendants()
                .filter(process -> !before.contains(process.pid()))
                .filter(process -> process.info().command().orElse("").contains("chrom")) // chromedriver, lib/chromium/chromium
                .toList();
        ours.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : ours) {
            process.onExit().get(30, TimeUnit.SECONDS); // a hang guard only
        }
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
