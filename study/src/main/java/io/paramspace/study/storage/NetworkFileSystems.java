package io.paramspace.study.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a SQLite study on a network file system. SQLite's locks rely on POSIX advisory locks
 * and shared memory for the WAL index, which NFS, SMB, sshfs and the like do not provide
 * reliably: two workers on two machines would both write, and the file would be damaged (SQLite's
 * own FAQ). The mount that holds the file's directory is looked up in the kernel's mount table,
 * {@code /proc/self/mounts} (Linux; elsewhere nothing is refused). System property {@value
 * #ALLOW} {@code =true} lets a user who knows that one process at a time uses the file open it.
 */
final class NetworkFileSystems {
  static final String ALLOW = "paramspace.sqlite.allowNetworkFileSystem";
  static final Path MOUNTS = Path.of("/proc/self/mounts");

  /** File system types whose locks SQLite cannot rely on. */
  static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p",
      "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph",
      "fuse.s3fs", "fuse.rclone", "fuse.gcsfuse", "lustre", "beegfs", "gpfs", "fuse.juicefs");

  private NetworkFileSystems() {}

  /** One line of the mount table. */
  record Mount(String source, Path mountPoint, String type) {}

  static void refuse(Path file, Path dir) {
    if (Boolean.getBoolean(ALLOW) || !Files.isReadable(MOUNTS)) {
      return;
    }
    refuse(file, dir, MOUNTS);
  }

  /** @throws StorageException if {@code dir} is on a network file system of {@code mounts} */
  static void refuse(Path file, Path dir, Path mounts) {
    Optional<Mount> mount = mountOf(dir, mounts);
    if (mount.isPresent() && NETWORK.contains(mount.get().type().toLowerCase(Locale.ROOT))) {
      Mount m = mount.get();
      throw new StorageException("refusing the SQLite study database " + file + ": its directory is on a network"
          + " file system (" + m.type() + " " + m.source() + ", mounted at " + m.mountPoint() + "), where SQLite's"
          + " locks do not hold and workers sharing the file would damage it. Put the file on a local disk (e.g."
          + " /tmp or a node-local scratch), or use PostgreSQL (jdbc:postgresql://HOST/DB) for workers on several"
          + " machines. (If only one process at a time uses the file, -D" + ALLOW + "=true opens it anyway.)");
    }
  }

  /** The mount holding {@code dir}: the longest mount point that contains its real path. */
  static Optional<Mount> mountOf(Path dir, Path mounts) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      real = dir.toAbsolutePath().normalize();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(mounts, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Mount best = null;
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length < 3) {
        continue;
      }
      Path point = Path.of(unescape(fields[1]));
      if (real.startsWith(point) && (best == null || point.getNameCount() >= best.mountPoint().getNameCount())) {
        best = new Mount(unescape(fields[0]), point, fields[2]);
      }
    }
    return Optional.ofNullable(best);
  }

  /** The mount table writes a space, tab, newline and backslash in a path as octal escapes. */
  private static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()
          && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
