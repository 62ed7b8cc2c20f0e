package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.netlink.Bridge;

/** One lab namespace shared by a class's tests. */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabNetnsPerClassIT {
    @RegisterExtension
    static LabNetns lab = LabNetns.perClass();
    static String firstPrefix;

    @Test
    @Order(1)
    void first(LabNetns injected) {
        assertEquals(lab, injected);
        firstPrefix = lab.prefix();
        lab.netlink().add(Bridge.of("shared0"));
    }

    @Test
    @Order(2)
    void secondSeesTheSameNamespace() {
        assertEquals(firstPrefix, lab.prefix());
        assertTrue(lab.netlink().find("shared0").isPresent());
    }
}
