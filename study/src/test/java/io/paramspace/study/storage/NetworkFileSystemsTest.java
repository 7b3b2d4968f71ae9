package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite study on a network file system is refused; the mount table here is a fake one. */
class NetworkFileSystemsTest {
  @TempDir Path dir;

  private Path mounts(String... lines) throws Exception {
    return Files.writeString(dir.resolve("mounts"), String.join("\n", lines) + "\n");
  }

  @Test
  void aDirectoryUnderAnNfsMountIsRefusedWithWhatToDoInstead() throws Exception {
    Path real = dir.toRealPath();
    Path table = mounts("/dev/vda / ext4 rw,relatime 0 0",
        "nas:/export/home " + real + " nfs4 rw,relatime,vers=4.2 0 0");
    Path studies = Files.createDirectories(real.resolve("studies"));
    StorageException e = assertThrows(StorageException.class,
        () -> NetworkFileSystems.refuse(studies.resolve("a.db"), studies, table));
    assertThat(e).hasMessageThat().contains("network file system (nfs4 nas:/export/home, mounted at " + real + ")");
    assertThat(e).hasMessageThat().contains("jdbc:postgresql://");
    assertThat(e).hasMessageThat().contains("local disk");
  }

  @Test
  void theLongestMountPointDecides() throws Exception {
    Path real = dir.toRealPath();
    Path local = Files.createDirectories(real.resolve("local"));
    Path table = mounts("server:/share " + real + " cifs rw 0 0", "/dev/sdb1 " + local + " ext4 rw 0 0",
        "host:/x " + real.resolve("loc") + " fuse.sshfs rw 0 0");
    NetworkFileSystems.refuse(local.resolve("a.db"), local, table); // ext4: accepted
    assertThat(NetworkFileSystems.mountOf(local, table).orElseThrow().type()).isEqualTo("ext4");
    StorageException e = assertThrows(StorageException.class,
        () -> NetworkFileSystems.refuse(real.resolve("a.db"), real, table));
    assertThat(e).hasMessageThat().contains("cifs");
  }

  @Test
  void spacesInMountPointsAreUnescapedAndSshfsIsRefused() throws Exception {
    Path spaced = Files.createDirectories(dir.toRealPath().resolve("my studies"));
    Path table = mounts("/dev/vda / ext4 rw 0 0", "me@host:/data " + spaced.toString().replace(" ", "\\040")
        + " fuse.sshfs rw 0 0");
    StorageException e = assertThrows(StorageException.class,
        () -> NetworkFileSystems.refuse(spaced.resolve("a.db"), spaced, table));
    assertThat(e).hasMessageThat().contains("fuse.sshfs");
  }

  @Test
  void thisMachinesTempDirectoryIsLocal() {
    // The real mount table: the tests' SQLite files are on a local disk.
    Storages.open("sqlite:" + dir.resolve("local.db")).close();
  }
}
