package io.berth.kit.node;

import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.kit.events.TopicResolver;

/** Topics by the event catalog; a type the catalog lacks goes by berth's naming convention. */
public final class CatalogTopics {
  private CatalogTopics() {}

  public static TopicResolver resolver() {
    TopicResolver byDomain = TopicResolver.byDomain();
    return event -> EventCatalog.find(event.getType()).map(EventType::topic).orElseGet(() -> byDomain.topicFor(event));
  }
}
