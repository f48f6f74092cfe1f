package org.namdrunner.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.CredentialPrompter;
import org.namdrunner.core.cluster.CredentialPrompter.HostKeyDecision;
import org.namdrunner.core.cluster.FailureKind;
import org.namdrunner.ssh.internal.ConnectionProviderComponent;
import org.namdrunner.testing.ScriptedPrompter;
import org.namdrunner.testing.TestCluster;
import org.namdrunner.testing.DuoAnswers;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The provider as the workbench gets it: an OSGi Declarative Services component (OSGI-INF/connectionProvider.xml)
 * that binds whichever CredentialPrompter service appears, and lets go of it when it leaves.
 */
class ServiceComponentTest {

    @Test
    void theProviderIsAServiceThatBindsAndUnbindsThePrompterService() throws Exception {
        TestCluster cluster = TestCluster.load();
        Bundle ssh = FrameworkUtil.getBundle(ConnectionProviderComponent.class);
        assertNotNull(ssh, "running in OSGi");
        ssh.start(Bundle.START_TRANSIENT);
        BundleContext context = ssh.getBundleContext();
        ServiceTracker<ClusterConnectionProvider, ClusterConnectionProvider> tracker = new ServiceTracker<>(context,
                ClusterConnectionProvider.class, null);
        tracker.open();
        try {
            ClusterConnectionProvider provider = tracker.waitForService(10_000);
            assertNotNull(provider, "Declarative Services registered the ClusterConnectionProvider");
            assertTrue(provider instanceof ConnectionProviderComponent, provider.getClass().getName());
            ClusterProfile mfa = cluster.duoProfile("ds-mfa");

            ScriptedPrompter ui = new ScriptedPrompter().hostKey(HostKeyDecision.ACCEPT_ONCE)
                    .keyboard(DuoAnswers.passcode(cluster));
            ServiceRegistration<CredentialPrompter> reg = context.registerService(CredentialPrompter.class, ui, new Hashtable<>());
            try {
                assertEquals(cluster.get("duoUser") + "\n", provider.connectionFor(mfa).exec("whoami", Duration.ofSeconds(60), null).stdout());
                assertTrue(ui.asked.stream().anyMatch(a -> a.contains(DuoAnswers.MENU)), "the bound prompter answered: " + ui.asked);
            } finally {
                reg.unregister();
                provider.closeAll();
            }
            ClusterException e = assertThrows(ClusterException.class,
                    () -> provider.connectionFor(mfa).exec("true", Duration.ofSeconds(60), null));
            assertEquals(FailureKind.PERMANENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("no one to ask"), e.getMessage());
        } finally {
            tracker.close();
        }
    }
}
