#!/bin/bash
# Anchor (anchor-figures.md §1, bench_cni.sh): N sequential CNI bridge ADD (host-local IPAM, ipMasq, optional portmap),
# then N DEL. Run inside the lab namespace. Usage: cni.sh N PORTS(0|1) PREFIX OUTDIR
set -u
N=$1; PORTS=$2; P=$3; OUT=$4
export CNI_PATH=/usr/lib/cni CNI_IFNAME=eth0
cleanup() { for n in $(ls /run/netns | grep "^$P-k[0-9]"); do ip netns del $n; done; }
trap cleanup EXIT
mkdir -p $OUT/d; : > $OUT/setup_ms; : > $OUT/teardown_ms
cat > $OUT/net.json <<J
{"cniVersion":"1.0.0","name":"perfcni","type":"bridge","bridge":"cni-perf0","isGateway":true,"ipMasq":true,
 "ipam":{"type":"host-local","ranges":[[{"subnet":"10.90.0.0/16","gateway":"10.90.0.1"}]],"routes":[{"dst":"0.0.0.0/0"}],"dataDir":"$OUT/ipam"}}
J
for i in $(seq 1 $N); do ip netns add $P-k$(printf %03d $i); done
run() { # run CMD i : bridge, then portmap with the bridge's result as prevResult when PORTS=1
  n=$(printf %03d $2)
  if [ "$PORTS" = 1 ]; then
    if [ $1 = ADD ]; then
      res=$(CNI_COMMAND=ADD CNI_CONTAINERID=perfctr$n CNI_NETNS=/run/netns/$P-k$n /usr/lib/cni/bridge < $OUT/net.json) || return 1
      printf '{"cniVersion":"1.0.0","name":"perfcni","type":"portmap","capabilities":{"portMappings":true},"runtimeConfig":{"portMappings":[{"hostPort":%d,"containerPort":80,"protocol":"tcp"}]},"prevResult":%s}' $((20000+$2)) "$res" \
        | CNI_COMMAND=ADD CNI_CONTAINERID=perfctr$n CNI_NETNS=/run/netns/$P-k$n /usr/lib/cni/portmap > /dev/null
    else
      printf '{"cniVersion":"1.0.0","name":"perfcni","type":"portmap","capabilities":{"portMappings":true},"runtimeConfig":{"portMappings":[{"hostPort":%d,"containerPort":80,"protocol":"tcp"}]}}' $((20000+$2)) \
        | CNI_COMMAND=DEL CNI_CONTAINERID=perfctr$n CNI_NETNS=/run/netns/$P-k$n /usr/lib/cni/portmap > /dev/null
      CNI_COMMAND=DEL CNI_CONTAINERID=perfctr$n CNI_NETNS=/run/netns/$P-k$n /usr/lib/cni/bridge < $OUT/net.json > /dev/null
    fi
  else
    CNI_COMMAND=$1 CNI_CONTAINERID=perfctr$n CNI_NETNS=/run/netns/$P-k$n /usr/lib/cni/bridge < $OUT/net.json > /dev/null
  fi
}
TS=(); T0=$EPOCHREALTIME
for i in $(seq 1 $N); do a=$EPOCHREALTIME; run ADD $i || echo "ADD $i failed" >&2; b=$EPOCHREALTIME; TS+=("$a $b"); done
T1=$EPOCHREALTIME; printf "%s\n" "${TS[@]}" | awk '{printf "%.3f\n", ($2-$1)*1000}' > $OUT/setup_ms
echo "setup_total_s $(echo "$T1 - $T0" | bc)" > $OUT/summary
TS=(); T0=$EPOCHREALTIME
for i in $(seq 1 $N); do a=$EPOCHREALTIME; run DEL $i || echo "DEL $i failed" >&2; b=$EPOCHREALTIME; TS+=("$a $b"); done
T1=$EPOCHREALTIME; printf "%s\n" "${TS[@]}" | awk '{printf "%.3f\n", ($2-$1)*1000}' > $OUT/teardown_ms
echo "teardown_total_s $(echo "$T1 - $T0" | bc)" >> $OUT/summary
for i in $(seq 1 $N); do ip netns del $P-k$(printf %03d $i); done
ip link del cni-perf0 2>/dev/null; true
