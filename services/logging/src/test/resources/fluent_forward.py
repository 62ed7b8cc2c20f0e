#!/usr/bin/env python3
# A Fluentd forward-protocol input for tests: decodes MessagePack with the msgpack library (not berth's encoder),
# writes one JSON object per entry to argv[2], answers {"ack": chunk} when an entry asks for it.
import json, socket, sys, msgpack

# argv: OUT [PORT [MODE]]; PORT 0 = any; MODE "stall" accepts connections and never reads (a hung fluentd).
import time
port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
mode = sys.argv[3] if len(sys.argv) > 3 else "normal"
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(5)
print(srv.getsockname()[1], flush=True)
out = open(sys.argv[1], "a")
if mode == "stall":
    held = []
    while True:
        conn, _ = srv.accept()
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        held.append(conn)
        out.write(json.dumps({"accepted": len(held)}) + "\n"); out.flush()

def ext_hook(code, data):
    if code == 0:
        return {"sec": int.from_bytes(data[:4], "big"), "nsec": int.from_bytes(data[4:], "big")}
    return msgpack.ExtType(code, data)

while True:
    conn, _ = srv.accept()
    up = msgpack.Unpacker(raw=False, ext_hook=ext_hook)
    while True:
        data = conn.recv(65536)
        if not data:
            break
        up.feed(data)
        for entry in up:
            tag, t, record = entry[0], entry[1], entry[2]
            out.write(json.dumps({"tag": tag, "time": t, "record": record}) + "\n"); out.flush()
            if len(entry) > 3 and isinstance(entry[3], dict) and "chunk" in entry[3]:
                conn.sendall(msgpack.packb({"ack": entry[3]["chunk"]}))
    conn.close()
