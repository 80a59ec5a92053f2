package tradetalk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Run in a child JVM by {@link NoNetworkTest}: every {@link Socket} the process tries to connect (whatever its proxy
 * settings: DJL connects with {@code Proxy.NO_PROXY}) is refused and its address appended to the file named by the
 * first argument; the other arguments go to the real {@link Main}.
 */
public final class RecordingSocketsMain {

    private RecordingSocketsMain() {}

    @SuppressWarnings("deprecation") // the one hook that sees every java.net.Socket, proxies bypassed or not
    public static void main(String[] args) throws IOException {
        Path record = Path.of(args[0]);
        Files.writeString(record, "");
        Socket.setSocketImplFactory(() -> new RefusingSocketImpl(record));
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }

    /** A socket that records where it was asked to connect and refuses. */
    private static final class RefusingSocketImpl extends SocketImpl {

        private final Path record;

        RefusingSocketImpl(Path record) {
            this.record = record;
        }

        private synchronized IOException refuse(String where) throws IOException {
            Files.writeString(record, where + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new ConnectException("refused by the test: " + where);
        }

        @Override
        protected void create(boolean stream) {}

        @Override
        protected void connect(String host, int port) throws IOException {
            throw refuse(host + ":" + port);
        }

        @Override
        protected void connect(InetAddress address, int port) throws IOException {
            throw refuse(address.getHostAddress() + ":" + port);
        }

        @Override
        protected void connect(SocketAddress address, int timeout) throws IOException {
            throw refuse(String.valueOf(address));
        }

        @Override
        protected void bind(InetAddress host, int port) {}

        @Override
        protected void listen(int backlog) {}

        @Override
        protected void accept(SocketImpl s) throws IOException {
            throw new IOException("refused by the test");
        }

        @Override
        protected InputStream getInputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected OutputStream getOutputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected int available() {
            return 0;
        }

        @Override
        protected void close() {}

        @Override
        protected void sendUrgentData(int data) {}

        @Override
        public void setOption(int optID, Object value) {}

        @Override
        public Object getOption(int optID) {
            return null;
        }
    }
}
