import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Holds a loopback TCP port (a stand-in for a developer's own server on it) until killed, so that
 * CI shows the build passing while that port is taken. If the port is already taken, it is held
 * anyway, and this exits.
 */
public class HoldPort {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("holding port " + port);
      while (true) {
        socket.accept().close();
      }
    } catch (IOException e) {
      System.out.println("port " + port + " is already taken: " + e.getMessage());
    }
  }
}
