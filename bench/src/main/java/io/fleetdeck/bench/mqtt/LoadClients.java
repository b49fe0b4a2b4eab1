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

    static MqttAsyncClient connect(int port, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setMaxInflight(65000);
        options.setKeepAliveInterval(120);
        options.setSocketFactory(new NoDelaySocketFactory());
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
}
