package org.namdrunner.integration.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.namdrunner.testing.TestCluster;

/**
 * One {@link Harness} on the twin for a test class ({@code @RegisterExtension static final OnTheTwin TWIN}): a fresh
 * local folder with its jobs database, the built-in profile pointed at the twin, closed after the class.
 */
final class OnTheTwin implements BeforeAllCallback, AfterAllCallback {

    private final String folderPrefix;
    private Path local;
    private Harness harness;

    OnTheTwin(String folderPrefix) {
        this.folderPrefix = folderPrefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        local = Files.createTempDirectory(folderPrefix);
        TestCluster cluster = TestCluster.load();
        harness = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofSeconds(20));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    Harness h() {
        return harness;
    }

    /** This class's own local folder (inputs, results, the database). */
    Path local() {
        return local;
    }
}
