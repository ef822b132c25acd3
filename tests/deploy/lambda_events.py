"""The built Lambda binaries, run as Lambda runs them, answer HTTP API events.

    lambda_events.py LAMBDA_DIR PORTAL SITE_ROOT

LAMBDA_DIR holds submit/ and moderation/, each a `bootstrap` with formulaires.json beside it,
as template.yaml deploys them. Each bootstrap is started as Lambda starts it (the environment
of provided.al2023, its code's folder as working directory; under qemu-aarch64 when it is an
arm64 binary and this machine is not) against a small Lambda Runtime API served here: the
function asks `GET /2018-06-01/runtime/invocation/next`, gets an API Gateway HTTP API
(payload 2.0) event, and posts its answer to `/2018-06-01/runtime/invocation/ID/response`.
The table is on the DynamoDB of AWS_ENDPOINT_URL_DYNAMODB (moto), made from template.yaml,
named by PORTAL_TABLE. PORTAL is the `portal` command, to add the first moderator and import
the approved submission as the documentation says; SITE_ROOT the site it imports into.

Prints each exchange; exits 1 at the first answer that is not the expected one.
"""

import base64
import hashlib
import json
import os
import platform
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ORIGIN_SECRET = "secret-de-test-" + uuid.uuid4().hex
TIMEOUT = 60  # seconds for one answer (an emulated arm64 start is slow)


class RuntimeApi:
    """The Lambda Runtime API of one function, on 127.0.0.1."""

    def __init__(self, name):
        self.name = name
        self.events = queue.Queue()
        self.answers = {}
        self.done = threading.Condition()
        self.init_error = None
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, body=b"{}", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path != "/2018-06-01/runtime/invocation/next":
                    return self.reply(404)
                request_id, event = api.events.get()
                deadline = int((time.time() + 30) * 1000)
                self.reply(
                    200,
                    json.dumps(event).encode(),
                    [
                        ("Lambda-Runtime-Aws-Request-Id", request_id),
                        ("Lambda-Runtime-Deadline-Ms", str(deadline)),
                        ("Lambda-Runtime-Invoked-Function-Arn",
                         f"arn:aws:lambda:eu-west-3:123456789012:function:{api.name}"),
                        ("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000"),
                    ],
                )

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = read_chunked(self.rfile)
                m = re.fullmatch(r"/2018-06-01/runtime/invocation/([^/]+)/(response|error)", self.path)
                if m:
                    with api.done:
                        api.answers[m.group(1)] = (m.group(2), body)
                        api.done.notify_all()
                    return self.reply(202)
                if self.path == "/2018-06-01/runtime/init/error":
                    with api.done:
                        api.init_error = body.decode(errors="replace")
                        api.done.notify_all()
                    return self.reply(202)
                self.reply(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.address = f"127.0.0.1:{self.server.server_address[1]}"

    def invoke(self, event, process):
        request_id = str(uuid.uuid4())
        self.events.put((request_id, event))
        deadline = time.time() + TIMEOUT
        with self.done:
            while request_id not in self.answers:
                if self.init_error:
                    fail(f"{self.name} : échec au démarrage : {self.init_error}")
                if process.poll() is not None:
                    fail(f"{self.name} : le processus s'est arrêté (code {process.returncode})")
                if time.time() > deadline:
                    fail(f"{self.name} : pas de réponse en {TIMEOUT} s")
                self.done.wait(0.5)
            kind, body = self.answers.pop(request_id)
        if kind == "error":
            fail(f"{self.name} : erreur de la fonction : {body.decode(errors='replace')}")
        return json.loads(body)


def read_chunked(stream):
    out = b""
    while True:
        size = int(stream.readline().strip(), 16)
        if size == 0:
            stream.readline()
            return out
        out += stream.read(size)
        stream.readline()


def fail(message):
    print(f"ÉCHEC : {message}", flush=True)
    for p in PROCESSES:
        p.kill()
    for log in LOGS:
        print(f"--- {log}", flush=True)
        print(Path(log).read_text(errors="replace")[-4000:], flush=True)
    sys.exit(1)


PROCESSES = []
LOGS = []


def machine_of(binary):
    """The ELF machine of a binary: 'aarch64' or 'x86_64'."""
    header = Path(binary).read_bytes()[:20]
    if header[:4] != b"\x7fELF":
        fail(f"{binary} n'est pas un exécutable ELF")
    machine = int.from_bytes(header[18:20], "little")
    return {0xB7: "aarch64", 0x3E: "x86_64"}.get(machine, hex(machine))


def start(name, folder, runtime):
    """Starts folder/bootstrap as Lambda's provided.al2023 does."""
    binary = folder / "bootstrap"
    command = [str(binary)]
    arch = machine_of(binary)
    if arch != platform.machine():
        qemu = shutil.which(f"qemu-{arch}-static") or shutil.which(f"qemu-{arch}")
        sysroot = Path(f"/usr/{arch}-linux-gnu")
        if not qemu or not sysroot.is_dir():
            fail(f"{binary} est pour {arch} : il faut qemu-{arch}-static et {sysroot} (tests/deploy/run les installe)")
        command = [qemu, "-L", str(sysroot), str(binary)]
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TZ": ":UTC",
        "AWS_LAMBDA_RUNTIME_API": runtime.address,
        "AWS_LAMBDA_FUNCTION_NAME": name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/portal/test/{name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": "test",
        "LAMBDA_TASK_ROOT": str(folder),
        "_HANDLER": "bootstrap",
        # As template.yaml sets them, the file's folder standing in for /var/task.
        "PORTAL_TABLE": os.environ["PORTAL_TABLE"],
        "PORTAL_SITE_STATE": str(folder / "formulaires.json"),
        "PORTAL_ORIGIN_SECRET": ORIGIN_SECRET,
    }
    for k in ("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_DYNAMODB"):
        env[k] = os.environ[k]
    env["AWS_DEFAULT_REGION"] = env["AWS_REGION"]
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"lambda-{name}-{os.getpid()}.log"
    LOGS.append(log)
    p = subprocess.Popen(command, cwd=folder, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    PROCESSES.append(p)
    print(f"  {name} : {binary} ({arch}{', sous qemu' if len(command) > 1 else ''}), Runtime API {runtime.address}")
    return p


def event(method, path, query="", headers=None, body="", through_cloudfront=True, viewer="203.0.113.7"):
    """An API Gateway HTTP API event (payload 2.0) as CloudFront → API Gateway sends it."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    headers.setdefault("user-agent", "tests/deploy")
    if through_cloudfront:
        headers["x-origin-verify"] = ORIGIN_SECRET
        headers["cloudfront-viewer-address"] = f"{viewer}:51234"
        headers["via"] = "2.0 abcdef.cloudfront.net (CloudFront)"
    binary = not headers.get("content-type", "").startswith("application/json")
    encoded = base64.b64encode(body.encode()).decode() if (body and binary) else body
    route = {
        ("POST", "/api/submissions"): "POST /api/submissions",
    }.get((method, path), f"{method} {path}")
    return {
        "version": "2.0",
        "routeKey": route,
        "rawPath": path,
        "rawQueryString": query,
        "headers": headers,
        "queryStringParameters": dict(urllib.parse.parse_qsl(query)) or None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.eu-west-3.amazonaws.com",
            "domainPrefix": "abc123",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                # CloudFront's own address: what the HTTP API sees behind CloudFront.
                "sourceIp": "130.176.0.1",
                "userAgent": headers["user-agent"],
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": route,
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()),
            "timeEpoch": int(time.time() * 1000),
        },
        "body": encoded or None,
        "isBase64Encoded": bool(body and binary),
    }


def answer_body(answer):
    body = answer.get("body") or ""
    if answer.get("isBase64Encoded"):
        body = base64.b64decode(body).decode()
    return body


def header(answer, name):
    for k, v in (answer.get("headers") or {}).items():
        if k.lower() == name:
            return v
    return None


def expect(name, what, answer, status):
    body = answer_body(answer)
    shown = body if len(body) < 300 else body[:300] + "…"
    print(f"  {name} : {what} → {answer.get('statusCode')} {shown}", flush=True)
    if answer.get("statusCode") != status:
        fail(f"{what} : attendu {status}, reçu {answer.get('statusCode')}")
    return body


def main(lambda_dir, portal, site_root):
    lambda_dir = Path(lambda_dir).resolve()
    state = json.loads((lambda_dir / "submit" / "formulaires.json").read_text())
    association = sorted(state["slugs"]["association"])[0]

    runtimes = {name: RuntimeApi(name) for name in ("submit", "moderation")}
    procs = {name: start(name, lambda_dir / name, runtimes[name]) for name in runtimes}

    def call(name, ev):
        return runtimes[name].invoke(ev, procs[name])

    # A submission, in JSON, through CloudFront.
    submission = {
        "type": "resource",
        "target": None,
        "fields": {
            "title": "40 kg de pommes",
            "association": association,
            "kind": "offer",
            "category": "food",
            "expires": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 20 * 86400)),
        },
        "body": "Pommes de la collecte de samedi, à retirer sur place.",
        "contact_email": "contact@example.org",
    }
    json_headers = {"content-type": "application/json", "accept": "application/json"}
    answer = call("submit", event("POST", "/api/submissions", headers={**json_headers, "idempotency-key": str(uuid.uuid4())}, body=json.dumps(submission)))
    created = json.loads(expect("submit", "POST /api/submissions (JSON)", answer, 201))
    sub_id, receipt = created["id"], created["receipt"]

    # The same straight to the HTTP API's own address: refused.
    answer = call("submit", event("POST", "/api/submissions", headers=json_headers, body=json.dumps(submission), through_cloudfront=False))
    expect("submit", "POST /api/submissions sans passer par CloudFront", answer, 403)

    # A plain form post with a mistake: the HTML page of problems.
    form = urllib.parse.urlencode({"type": "resource", "title": "", "contact_email": "pas-une-adresse"})
    answer = call("submit", event("POST", "/api/submissions", headers={"content-type": "application/x-www-form-urlencoded", "accept": "text/html"}, body=form))
    page = expect("submit", "POST /api/submissions (formulaire HTML, erreurs)", answer, 400)
    check_style(page)

    # The status page, for the submitter.
    answer = call("submit", event("GET", f"/api/submissions/{sub_id}/status", query=f"receipt={receipt}", headers={"accept": "application/json"}))
    status = json.loads(expect("submit", "GET /api/submissions/{id}/status", answer, 200))
    if status.get("status") != "pending":
        fail(f"statut {status}, attendu pending")
    answer = call("submit", event("GET", f"/api/submissions/{sub_id}/status", query=f"receipt={receipt}", headers={"accept": "text/html"}))
    check_style(expect("submit", "GET /api/submissions/{id}/status (HTML)", answer, 200))

    # The first moderator, as docs/deploy.md says: portal moderators --store dynamodb add NAME.
    added = subprocess.run([portal, "moderators", "--store", "dynamodb", "add", "premiere-moderatrice"], capture_output=True, text=True)
    if added.returncode != 0:
        fail(f"portal moderators add : {added.stderr}")
    token = re.search(r"^(mod_[0-9a-f]+)$", added.stdout, re.M).group(1)
    print("  portal moderators --store dynamodb add premiere-moderatrice → jeton affiché une fois")
    auth = {"authorization": f"Bearer {token}", "accept": "application/json"}

    answer = call("moderation", event("GET", "/api/moderation/submissions", query="status=pending", headers={"accept": "application/json"}))
    expect("moderation", "GET /api/moderation/submissions sans jeton", answer, 401)
    answer = call("moderation", event("GET", "/api/moderation/submissions", query="status=pending", headers=auth))
    queue_ = json.loads(expect("moderation", "GET /api/moderation/submissions?status=pending", answer, 200))
    if sub_id not in [item.get("id") for item in queue_["items"]]:
        fail(f"{sub_id} absent de la file")
    answer = call("moderation", event("GET", f"/api/moderation/submissions/{sub_id}", headers=auth))
    one = json.loads(expect("moderation", "GET /api/moderation/submissions/{id}", answer, 200))
    version = one.get("version", one.get("submission", {}).get("version"))
    decision = json.dumps({"action": "approve", "note": "Merci, c'est publié.", "version": version})
    post = {**auth, "content-type": "application/json"}
    answer = call("moderation", event("POST", f"/api/moderation/submissions/{sub_id}/decision", headers=post, body=decision))
    expect("moderation", "POST …/decision approve", answer, 200)
    answer = call("moderation", event("POST", f"/api/moderation/submissions/{sub_id}/decision", headers=post, body=decision))
    expect("moderation", "POST …/decision approve, la même version une 2e fois", answer, 409)
    answer = call("submit", event("POST", "/api/moderation/submissions", headers=auth))
    expect("submit", "une route de modération sur la fonction submit", answer, 404)

    answer = call("submit", event("GET", f"/api/submissions/{sub_id}/status", query=f"receipt={receipt}", headers={"accept": "application/json"}))
    status = json.loads(expect("submit", "GET /api/submissions/{id}/status", answer, 200))
    if status.get("status") != "approved":
        fail(f"statut {status}, attendu approved")

    # What the scheduled job of the workflow runs: its first step asks the table whether
    # anything approved waits (run as it is, with the AWS CLI), then portal import.
    if pending_step() != 1:
        fail("l'étape « Propositions à importer » ne voit pas la proposition acceptée")
    imported = subprocess.run([portal, "--root", site_root, "import", "--store", "dynamodb"], capture_output=True, text=True)
    print("  portal import --store dynamodb →", imported.stdout.strip().replace("\n", " | "))
    if imported.returncode != 0 or "1 proposition(s) importée(s)" not in imported.stdout:
        fail(f"portal import : {imported.stdout} {imported.stderr}")
    if pending_step() != 0:
        fail("l'étape « Propositions à importer » compte encore la proposition importée")
    # The publication's last step: the entries' files, for the moderators' diffs on Lambda.
    sources = subprocess.run([portal, "--root", site_root, "sources", "--store", "dynamodb"], capture_output=True, text=True)
    print("  portal sources --store dynamodb →", sources.stdout.strip())
    if sources.returncode != 0 or "nouvelles ou modifiées" not in sources.stdout:
        fail(f"portal sources : {sources.stdout} {sources.stderr}")

    for name, p in procs.items():
        if p.poll() is not None:
            fail(f"{name} s'est arrêté")
        p.kill()
        p.wait()
    print("Événements Lambda : ok (les deux binaires, sur la table du modèle).")


def pending_step():
    """The workflow's step « Propositions à importer », run by bash as the runner would: the
    count it writes to GITHUB_OUTPUT."""
    import yaml

    workflow = Path(__file__).resolve().parents[2] / ".github/workflows/publish.yml"
    steps = yaml.safe_load(workflow.read_text())["jobs"]["pending"]["steps"]
    script = next(st["run"] for st in steps if st.get("name") == "Propositions à importer")
    with tempfile.NamedTemporaryFile("r", suffix=".out") as out:
        # configure-aws-credentials sets both region variables on the runner; the AWS CLI of
        # the tests' venv (v1) reads AWS_DEFAULT_REGION.
        region = os.environ.get("AWS_REGION", "eu-west-3")
        env = {
            **os.environ,
            "AWS_DEFAULT_REGION": region,
            "TABLE": os.environ["PORTAL_TABLE"],
            "GITHUB_OUTPUT": out.name,
        }
        run = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"étape « Propositions à importer » : {run.stdout} {run.stderr}")
        written = Path(out.name).read_text()
    print("  étape « Propositions à importer » →", run.stdout.strip())
    return int(re.search(r"^count=(\d+)$", written, re.M).group(1))


def check_style(page):
    """The one <style> block of the functions' pages is the one the template's CSP allows."""
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    template = (Path(__file__).resolve().parents[2] / "template.yaml").read_text()
    for style in styles:
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
        if digest not in template:
            fail(f"le <style> de la page a l'empreinte {digest}, absente de la CSP de template.yaml")
    if re.search(r"<script(?![^>]*\bsrc=)", page) or re.search(r"\sstyle=", page):
        fail("la page des fonctions a un script ou un attribut style en ligne")


if __name__ == "__main__":
    main(*sys.argv[1:])
