package dev.mensura.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final MountTable TABLE = MountTable.parse(List.of(
            "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
            "30 22 0:25 / /dev/shm rw,nosuid,nodev shared:5 - tmpfs tmpfs rw",
            "31 22 0:26 / /var/lib/kubelet/pods/x/volumes/kubernetes.io~empty-dir/uploads rw - tmpfs tmpfs rw,size=327680k",
            "32 22 0:27 / /mnt/with\\040space rw - ramfs none rw",
            "33 22 254:1 / /dev/shm/disk rw - xfs /dev/vdb rw",
            "garbage line"));

    @Test
    void theLongestMountPointDecides() {
        assertThat(TABLE.filesystemOf(Path.of("/dev/shm/uploads"))).contains("tmpfs");
        assertThat(TABLE.isRam(Path.of("/dev/shm/uploads"))).isTrue();
        assertThat(TABLE.isRam(Path.of("/dev/shm/disk/uploads"))).isFalse();
        assertThat(TABLE.isRam(Path.of("/dev/shmx/uploads"))).isFalse();
        assertThat(TABLE.isRam(Path.of("/var/lib/kubelet/pods/x/volumes/kubernetes.io~empty-dir/uploads"))).isTrue();
        assertThat(TABLE.isRam(Path.of("/tmp/uploads"))).isFalse();
    }

    @Test
    void escapedMountPointsAndRamfsAreUnderstood() {
        assertThat(TABLE.isRam(Path.of("/mnt/with space/u"))).isTrue();
    }
}
