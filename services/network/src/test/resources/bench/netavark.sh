#!/bin/bash
# Anchor (docs: anchor-figures.md §1, bench_netavark.sh): N sequential `netavark setup`, then N `teardown`, into
# pre-made namespaces. Run inside the lab namespace. Usage: netavark.sh N PORTS(0|1) PREFIX OUTDIR [burst]
# burst: all N setups started at once (then all teardowns), as an orchestrator starting N containers would; each
# latency is from the start of the whole burst to that setup's end.
set -u
N=$1; PORTS=$2; P=$3; OUT=$4; MODE=${5:-sequential}
NV=/usr/lib/podman/netavark; AV=/usr/lib/podman/aardvark-dns
cleanup() { for n in $(ls /run/netns | grep "^$P-nv[0-9]"); do ip netns del $n; done; }
trap cleanup EXIT
mkdir -p $OUT/conf $OUT/d; : > $OUT/setup_ms; : > $OUT/teardown_ms
for i in $(seq 1 $N); do
  n=$(printf %03d $i); ip="10.89.$(( (i+1) / 256 )).$(( (i+1) % 256 ))"
  pm=""; [ "$PORTS" = 1 ] && pm=", \"port_mappings\": [ { \"host_ip\": \"\", \"container_port\": 80, \"host_port\": $((20000+i)), \"range\": 1, \"protocol\": \"tcp\" } ]"
  cat > $OUT/d/$i.json <<J
{ "container_id": "$(printf '%064x' $i)", "container_name": "ctr$n"$pm,
  "networks": { "perfnet": { "static_ips": ["$ip"], "aliases": ["alias$n"], "interface_name": "eth0" } },
  "network_info": { "perfnet": { "name": "perfnet", "id": "$(printf 'a%063x' 1)", "driver": "bridge",
      "network_interface": "pbr0", "subnets": [ { "subnet": "10.89.0.0/16", "gateway": "10.89.0.1" } ],
      "ipv6_enabled": false, "internal": false, "dns_enabled": false, "ipam_options": { "driver": "host-local" } } } }
J
done
for i in $(seq 1 $N); do ip netns add $P-nv$(printf %03d $i); done
burst() { # ACTION FILE SUMMARYKEY: N processes at once, each writes its end time
  mkdir -p $OUT/t; T0=$EPOCHREALTIME
  for i in $(seq 1 $N); do
    ( $NV -c $OUT/conf -a $AV -f $OUT/d/$i.json $1 /run/netns/$P-nv$(printf %03d $i) > /dev/null || echo "$1 $i failed" >&2
      echo $EPOCHREALTIME > $OUT/t/$i ) &
  done
  wait; T1=$EPOCHREALTIME
  for i in $(seq 1 $N); do echo "$T0 $(cat $OUT/t/$i)"; done | awk '{printf "%.3f\n", ($2-$1)*1000}' > $OUT/$2
  echo "$3 $(echo "$T1 - $T0" | bc)" >> $OUT/summary
}
: > $OUT/summary
if [ "$MODE" = burst ]; then
  burst setup setup_ms setup_total_s
  burst teardown teardown_ms teardown_total_s
else
TS=(); T0=$EPOCHREALTIME
for i in $(seq 1 $N); do a=$EPOCHREALTIME
  $NV -c $OUT/conf -a $AV -f $OUT/d/$i.json setup /run/netns/$P-nv$(printf %03d $i) > /dev/null || echo "setup $i failed" >&2
  b=$EPOCHREALTIME; TS+=("$a $b"); done
T1=$EPOCHREALTIME; printf "%s\n" "${TS[@]}" | awk '{printf "%.3f\n", ($2-$1)*1000}' > $OUT/setup_ms
echo "setup_total_s $(echo "$T1 - $T0" | bc)" >> $OUT/summary
TS=(); T0=$EPOCHREALTIME
for i in $(seq 1 $N); do a=$EPOCHREALTIME
  $NV -c $OUT/conf -a $AV -f $OUT/d/$i.json teardown /run/netns/$P-nv$(printf %03d $i) > /dev/null || echo "teardown $i failed" >&2
  b=$EPOCHREALTIME; TS+=("$a $b"); done
T1=$EPOCHREALTIME; printf "%s\n" "${TS[@]}" | awk '{printf "%.3f\n", ($2-$1)*1000}' > $OUT/teardown_ms
echo "teardown_total_s $(echo "$T1 - $T0" | bc)" >> $OUT/summary
fi
for i in $(seq 1 $N); do ip netns del $P-nv$(printf %03d $i); done
ip link del pbr0 2>/dev/null; true
