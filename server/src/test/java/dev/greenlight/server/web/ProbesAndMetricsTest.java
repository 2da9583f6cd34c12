package dev.greenlight.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

class ProbesAndMetricsTest extends IntegrationTest {

    @Test
    void livenessAndReadinessAnswerWithoutCredentials() {
        HttpResult live = api.get("/livez");
        HttpResult ready = api.get("/readyz");
        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
        assertThat(ready.body()).doesNotContain("jdbc").doesNotContain("postgres");
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementPortOnly() {
        admin().get("/api/v1/me");
        Api management = new Api("http://127.0.0.1:" + environment.getProperty("local.management.port"));
        HttpResult metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket").contains("hikaricp_connections")
                .contains("greenlight_ledger_unsigned_entries").contains("greenlight_ledger_unsigned_oldest_age_seconds")
                .contains("greenlight_ledger_sequencer_leader 1.0");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void managementPortListensOnLoopbackOnly() throws Exception {
        int port = Integer.parseInt(environment.getProperty("local.management.port"));
        InetAddress external = externalAddress();
        if (external == null) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(external, port), 500);
            throw new AssertionError("the management port accepted a connection on " + external);
        } catch (java.io.IOException refused) {
            assertThat(refused).isNotNull();
        }
    }

    /** An address of this machine other than loopback, if it has one. */
    private static InetAddress externalAddress() throws Exception {
        var interfaces = java.net.NetworkInterface.networkInterfaces().toList();
        for (var networkInterface : interfaces) {
            if (networkInterface.isLoopback() || !networkInterface.isUp()) {
                continue;
            }
            for (InetAddress address : networkInterface.inetAddresses().toList()) {
                if (address instanceof java.net.Inet4Address) {
                    return address;
                }
            }
        }
        return null;
    }
}
