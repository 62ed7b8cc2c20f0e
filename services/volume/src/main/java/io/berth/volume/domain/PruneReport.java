package io.berth.volume.domain;

import java.util.List;

/**
 * The result of {@code docker volume prune}.
 *
 * @param deleted        names of the removed volumes
 * @param spaceReclaimed bytes of data actually removed
 */
public record PruneReport(List<String> deleted, long spaceReclaimed) {
}
