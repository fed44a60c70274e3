package io.quarkiverse.flywayautogen.core.postgresql;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Throwaway servers a killed run left behind: a container whose owner label names this machine and a process that
 * no longer runs is removed. Containers of runs still going on, here or on another machine sharing the engine, are
 * left alone.
 */
final class LeftoverContainers {

    private LeftoverContainers() {
    }

    /** This process, as the label names it: {@code host pid}. */
    static String owner() {
        return host() + " " + ProcessHandle.current().pid();
    }

    static void removeDeadOwners(DockerClient client, String label) {
        List<Container> labelled;
        try {
            labelled = client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec();
        } catch (RuntimeException e) {
            return; // a sweep that fails changes nothing for this run
        }
        for (Container container : labelled) {
            String owner = container.getLabels() == null ? null : container.getLabels().get(label);
            if (owner != null && isDead(owner)) {
                try {
                    client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                } catch (RuntimeException e) {
                    // removed meanwhile by another run's sweep
                }
            }
        }
    }

    private static boolean isDead(String owner) {
        int space = owner.lastIndexOf(' ');
        if (space < 0 || !owner.substring(0, space).equals(host())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(space + 1))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
