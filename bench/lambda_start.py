#!/usr/bin/env python3
"""Start-to-ready time of a Lambda binary: from exec to its first GET .../invocation/next.

A tiny fake Runtime API (http.server) on 127.0.0.1 records when the first request for
the next invocation arrives; the function is then killed. Usage:

    lambda_start.py BINARY RUNS   (environment: PORTAL_SITE_STATE and the AWS variables)

Prints one line per run (ms), then the median.
"""
import http.server
import os
import statistics
import subprocess
import sys
import threading
import time

binary, runs = sys.argv[1], int(sys.argv[2])
ready = threading.Event()
stop = threading.Event()


class Runtime(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/2018-06-01/runtime/invocation/next":
            ready.set()
            # Hold the long poll, as the real API does, until the function is killed.
            stop.wait(10)
        self.send_response(404)
        self.end_headers()

    def do_POST(self):  # init errors, should there be any
        length = int(self.headers.get("content-length") or 0)
        sys.stderr.write("runtime API got POST %s: %s\n" % (self.path, self.rfile.read(length)[:300]))
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Runtime)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
env = dict(os.environ)
env.update({
    "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:%d" % server.server_address[1],
    "AWS_LAMBDA_FUNCTION_NAME": "bench",
    "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
    "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/bench",
    "AWS_LAMBDA_LOG_STREAM_NAME": "bench",
})
times = []
for i in range(runs):
    ready.clear()
    stop.clear()
    t0 = time.perf_counter()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not ready.wait(20):
        proc.kill()
        err = proc.communicate()[1].decode(errors="replace")
        sys.exit("%s never asked for an invocation (exit %s): %s" % (binary, proc.returncode, err[-2000:]))
    ms = (time.perf_counter() - t0) * 1000
    proc.kill()
    proc.wait()
    stop.set()
    times.append(ms)
    print("  run %2d: %6.1f ms" % (i + 1, ms))
print("  median of %d: %.1f ms (min %.1f, max %.1f)" % (runs, statistics.median(times), min(times), max(times)))
