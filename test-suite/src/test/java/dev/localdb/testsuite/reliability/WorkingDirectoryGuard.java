package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test after which the working directory holds something new: where a relative path would land. */
final class WorkingDirectoryGuard implements BeforeEachCallback, AfterEachCallback {
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    private List<String> before;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        before = PropertySandbox.listing(workingDirectory);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        assertThat(PropertySandbox.listing(workingDirectory)).as("nothing new in " + workingDirectory).isEqualTo(before);
    }
}
