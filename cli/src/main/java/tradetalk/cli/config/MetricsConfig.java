package tradetalk.cli.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code metrics} section: the Prometheus endpoint of {@code tradetalk discord} and {@code tradetalk watch}.
 *
 * @param enabled whether the endpoint is served (off by default)
 * @param host    the address it listens on; loopback by default, so only this machine can scrape it
 * @param port    its port (0 picks a free one, logged at start)
 * @param path    the scrape path
 */
public record MetricsConfig(boolean enabled, String host, int port, String path) {

    public MetricsConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
        path = path == null || path.isBlank() ? "/metrics" : path.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("metrics.port must be 0 to 65535, got " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("metrics.path must start with /, got " + path);
        }
        if (enabled) {
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("metrics.host '" + host + "' is not an address of this machine");
            }
        }
    }

    /** The endpoint off (tests and commands that serve none). */
    public static MetricsConfig off() {
        return new MetricsConfig(false, "127.0.0.1", 9464, "/metrics");
    }

    /** A copy serving on {@code host:port}. */
    public MetricsConfig on(String host, int port) {
        return new MetricsConfig(true, host, port, path);
    }
}
