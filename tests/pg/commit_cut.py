#!/usr/bin/env python3
"""tests/pg/commit_cut.py DIR PORT SERVER_SOCKET: a proxy for one test that
loses the answer to a COMMIT. It listens on DIR/.s.PGSQL.PORT (where libpq
looks for host=DIR port=PORT) and passes every connection through to the
server's socket, until a client sends COMMIT (the extended protocol's
Parse message of the statement "COMMIT"): that statement goes to the
server, which commits, and its answer is dropped with both ends of that
connection, once. Every connection after goes through untouched, so a
client that connects again can ask what became of its transaction.
It prints "ready" once listening, and "cut" once it has cut."""
import os
import socket
import sys
import threading

MARK = b"\x00COMMIT\x00"  # an unnamed Parse: "P", length, "", "COMMIT"
lock = threading.Lock()
state = {"cut": False}


def pump(src, dst, conn):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if src is conn["client"]:
                with lock:
                    if not state["cut"] and MARK in data:
                        conn["cutting"] = True
                dst.sendall(data)
            else:
                if conn["cutting"]:
                    with lock:
                        state["cut"] = True
                    print("cut", flush=True)
                    break
                dst.sendall(data)
    except OSError:
        pass
    for s in (conn["client"], conn["server"]):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def serve(client, server_path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.connect(server_path)
    conn = {"client": client, "server": server, "cutting": False}
    threading.Thread(target=pump, args=(client, server, conn), daemon=True).start()
    threading.Thread(target=pump, args=(server, client, conn), daemon=True).start()


def main():
    folder, port, server_path = sys.argv[1], sys.argv[2], sys.argv[3]
    path = os.path.join(folder, ".s.PGSQL." + port)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    print("ready", flush=True)
    while True:
        client, _ = listener.accept()
        serve(client, server_path)


main()
