package io.fleetdeck.bench.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The benchmark's clients: Paho 3.1.1 async clients whose sockets set TCP_NODELAY (Mosquitto's own clients do not),
 * the same for both brokers.
 */
final class LoadClients {

    private LoadClients() {}

    /** Opens a connection for a client id: plain, or mutual TLS with that client's own certificate. */
    interface Connector {
        MqttAsyncClient connect(String clientId) throws Exception;
    }

    static MqttAsyncClient connect(int port, String clientId) throws MqttException {
        return connect("tcp://127.0.0.1:" + port, clientId, new NoDelaySocketFactory());
    }

    /** Over TLS to {@code localhost}, presenting the client's certificate from {@code tls}; TCP_NODELAY set too. */
    static MqttAsyncClient connectTls(int port, String clientId, javax.net.ssl.SSLSocketFactory tls)
            throws MqttException {
        return connect("ssl://localhost:" + port, clientId, new NoDelayTlsSocketFactory(tls));
    }

    private static MqttAsyncClient connect(String uri, String clientId, SocketFactory sockets) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setMaxInflight(65000);
        options.setKeepAliveInterval(120);
        options.setSocketFactory(sockets);
        client.connect(options).waitForCompletion(30_000);
        return client;
    }

    static void close(MqttAsyncClient client) {
        try {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        } catch (MqttException e) {
            // the run is over; a client that does not close cleanly changes no figure
        }
    }

    private static final class NoDelaySocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            Socket socket = new Socket(host, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            Socket socket = new Socket(host, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /** A TLS socket factory whose sockets set TCP_NODELAY, as the plain ones do. */
    private static final class NoDelayTlsSocketFactory extends javax.net.ssl.SSLSocketFactory {
        private final javax.net.ssl.SSLSocketFactory tls;

        NoDelayTlsSocketFactory(javax.net.ssl.SSLSocketFactory tls) {
            this.tls = tls;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(tls.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return noDelay(tls.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(tls.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(tls.createSocket(host, port, local, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
