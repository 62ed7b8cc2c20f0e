package io.berth.host.netlink;

/** rtnetlink constants (linux/netlink.h, rtnetlink.h, if_link.h, neighbour.h). */
final class Nl {
    static final int NLMSG_HDRLEN = 16;
    static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3;

    static final int F_REQUEST = 0x1, F_MULTI = 0x2, F_ACK = 0x4, F_DUMP_INTR = 0x10;
    static final int F_DUMP = 0x300;
    static final int F_REPLACE = 0x100, F_EXCL = 0x200, F_CREATE = 0x400, F_APPEND = 0x800;
    static final int F_CAPPED = 0x100, F_ACK_TLVS = 0x200;
    static final int NLMSGERR_ATTR_MSG = 1;

    static final int RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18, RTM_SETLINK = 19;
    static final int RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24, RTM_DELROUTE = 25, RTM_GETROUTE = 26;
    static final int RTM_NEWNEIGH = 28, RTM_DELNEIGH = 29, RTM_GETNEIGH = 30;

    static final int AF_UNSPEC = 0, AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10;

    // ifinfomsg flags
    static final int IFF_UP = 0x1, IFF_LOOPBACK = 0x8, IFF_PROMISC = 0x100, IFF_LOWER_UP = 0x10000;

    // IFLA_*
    static final int IFLA_ADDRESS = 1, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_LINK = 5, IFLA_MASTER = 10,
            IFLA_OPERSTATE = 16, IFLA_LINKINFO = 18, IFLA_NET_NS_FD = 28, IFLA_PROMISCUITY = 30,
            IFLA_LINK_NETNSID = 37;
    static final int IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_KIND = 4;
    static final int VETH_INFO_PEER = 1;
    static final int IFLA_BR_AGEING_TIME = 4, IFLA_BR_STP_STATE = 5, IFLA_BR_VLAN_FILTERING = 7;
    static final int IFLA_VXLAN_ID = 1, IFLA_VXLAN_GROUP = 2, IFLA_VXLAN_LINK = 3, IFLA_VXLAN_LOCAL = 4,
            IFLA_VXLAN_LEARNING = 7, IFLA_VXLAN_PORT = 15, IFLA_VXLAN_GROUP6 = 16, IFLA_VXLAN_LOCAL6 = 17;
    static final int IFLA_MACVLAN_MODE = 1;
    static final int IFLA_IPVLAN_MODE = 1;
    static final int IFLA_VLAN_ID = 1, IFLA_VLAN_PROTOCOL = 5;

    // IFA_*
    static final int IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3;

    // RTA_*
    static final int RTA_DST = 1, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6, RTA_PREFSRC = 7, RTA_TABLE = 15;
    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_KERNEL = 2, RTPROT_BOOT = 3, RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254;
    static final int RTN_UNICAST = 1, RTN_LOCAL = 2;
    static final int RTNH_F_ONLINK = 4;

    // NDA_*, NUD_*, NTF_*
    static final int NDA_DST = 1, NDA_LLADDR = 2, NDA_MASTER = 9;
    static final int NUD_REACHABLE = 0x02, NUD_STALE = 0x04, NUD_NOARP = 0x40, NUD_PERMANENT = 0x80;
    static final int NTF_SELF = 0x02, NTF_MASTER = 0x04;

    private Nl() {
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }
}
