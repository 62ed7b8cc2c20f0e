package io.berth.host.nft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named map, e.g. {@code ipv4_addr . inet_service : verdict} for service VIP dispatch.
 * Renders as {@code map NAME { type K : V; elements = { k : v, ... } }}.
 */
public record NftMap(String name, String keyType, String valueType, Map<String, String> elements) {
    public NftMap {
        Nft.ident("map", name);
        elements = new LinkedHashMap<>(elements);
    }

    public static NftMap of(String name, String keyType, String valueType, Map<String, String> elements) {
        return new NftMap(name, keyType, valueType, elements);
    }

    void render(StringBuilder sb) {
        sb.append("\tmap ").append(name).append(" {\n\t\ttype ").append(keyType).append(" : ").append(valueType)
                .append('\n');
        if (!elements.isEmpty()) {
            List<String> e = new ArrayList<>();
            elements.forEach((k, v) -> e.add(k + " : " + v));
            sb.append("\t\telements = { ").append(String.join(", ", e)).append(" }\n");
        }
        sb.append("\t}\n");
    }
}
