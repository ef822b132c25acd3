"""Static checks of the deployment, run by tests/deploy/run in its virtualenv.

    checks.py site SITE_DIR             the built site's pages fit the template's CSP
    checks.py template TEMPLATE          the template matches the functions' code: table,
                                         index, TTL, IAM actions, the inline style's hash
    checks.py translate TEMPLATE OUT     the SAM transform, as AWS runs it, into plain
                                         CloudFormation (then linted by cfn-lint)
    checks.py create-table TEMPLATE NAME the template's table, created on the DynamoDB that
                                         AWS_ENDPOINT_URL_DYNAMODB names (moto)
    checks.py workflow WORKFLOW          the workflow parses, and its shell steps pass
                                         shellcheck
    checks.py cf-function TEMPLATE SITE  the CloudFront Function of the template, run by node
                                         on addresses of the built site: each is an object
    checks.py sync WORKFLOW SITE_DIR     the workflow's upload step, run as it is against the
                                         S3 of moto (AWS_ENDPOINT_URL_DYNAMODB's server):
                                         every file with its type and cache time

Each prints what it checked, and exits 1 with every problem it found.
"""

import base64
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DYNAMO_DIR = ROOT / "functions/forms/src/store/dynamo"
HTML_RS = ROOT / "functions/forms/src/api/html.rs"

problems = []


def problem(message):
    problems.append(message)
    print(f"  PROBLÈME : {message}")


def done(what):
    if problems:
        print(f"{what} : {len(problems)} problème(s).")
        sys.exit(1)
    print(f"{what} : ok.")


def load_template(path):
    """The template as cfn-lint reads it (short forms !Ref, !Sub… understood)."""
    from cfnlint.decode import decode

    template, matches = decode(str(path))
    if matches:
        for m in matches:
            problem(str(m))
        done("lecture du modèle")
    return template


def csp(template, policy):
    config = template["Resources"][policy]["Properties"]["ResponseHeadersPolicyConfig"]
    text = config["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    directives = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


# ------------------------------------------------------------------ the built site


class Page(HTMLParser):
    """What in a page a strict CSP would block or the site should not load."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.found.append(f"attribut {name}= (script en ligne)")
        if "style" in attrs:
            self.found.append(f"attribut style= sur <{tag}>")
        if tag == "style":
            self.found.append("élément <style> en ligne")
        if tag == "script":
            kind = (attrs.get("type") or "").lower()
            if "src" in attrs:
                if re.match(r"^(https?:)?//", attrs["src"]):
                    self.found.append(f"script d'une autre origine : {attrs['src']}")
            elif kind not in ("application/ld+json", "application/json"):
                self.found.append(f"<script> en ligne exécutable (type « {kind or 'js'} »)")
        for name in ("src", "srcset", "poster", "data"):
            value = attrs.get(name) or ""
            if tag != "script" and re.match(r"^(https?:)?//", value):
                self.found.append(f"<{tag} {name}> d'une autre origine : {value}")
            if value.startswith("data:") or value.startswith("javascript:"):
                self.found.append(f"<{tag} {name}> en {value.split(':')[0]}:")
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            if re.match(r"^(https?:)?//", attrs.get("href") or ""):
                self.found.append(f"feuille de style d'une autre origine : {attrs['href']}")
        if tag == "a" and (attrs.get("href") or "").startswith("javascript:"):
            self.found.append("lien javascript:")


def check_site(site):
    site = Path(site)
    pages = sorted(site.rglob("*.html"))
    if not pages:
        problem(f"aucune page HTML dans {site}")
    ld_json = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        ld_json += text.count("application/ld+json")
        parser = Page()
        parser.feed(text)
        for found in sorted(set(parser.found)):
            problem(f"{page.relative_to(site)} : {found}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            if re.match(r"^(https?:)?//|^data:", url):
                problem(f"{css.relative_to(site)} : url({url}) hors de l'origine")
        if "@import" in text and re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text):
            problem(f"{css.relative_to(site)} : @import d'une autre origine")
    for js in site.rglob("*.js"):
        text = js.read_text(encoding="utf-8")
        bads = ("eval(", "new Function(", ".style.", "setAttribute(\"style\"", "cssText")
        # Leaflet (vendor/) places its tiles and markers through the CSSOM (element.style),
        # which CSP allows; the theme's own scripts keep to classes.
        if "vendor" in js.relative_to(site).parts:
            bads = ("eval(", "new Function(", "setAttribute(\"style\"", "setAttribute('style'")
        for bad in bads:
            if bad in text:
                problem(f"{js.relative_to(site)} : {bad} (bloqué ou à autoriser par la CSP)")
    print(
        f"  {len(pages)} pages : aucun script exécutable ni style en ligne, aucune ressource "
        f"d'une autre origine ; {ld_json} blocs JSON-LD (données, non exécutées)"
    )
    done("pages du site et CSP (script-src 'self', style-src 'self')")


# ------------------------------------------------------------------ template vs code


def rust_const(name, source):
    m = re.search(rf'pub const {name}: &str = "([^"]*)";', source)
    return m.group(1) if m else None


def inline_style():
    """The functions' one <style> block (html.rs, STYLE), as the pages carry it."""
    m = re.search(r'const STYLE: &str = "(.*?)";', HTML_RS.read_text(encoding="utf-8"), re.S)
    return re.sub(r"\\\n\s*", "", m.group(1))


def style_hash(style):
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


def dynamo_code():
    """The DynamoDB store's code (functions/forms/src/store/dynamo/*.rs), without its tests."""
    return "\n".join(
        p.read_text(encoding="utf-8").split("#[cfg(test)]")[0] for p in sorted(DYNAMO_DIR.glob("*.rs"))
    )


# DynamoDB calls of the DynamoDB store and the IAM actions they need. The table's own management
# (create_table and the rest) is for the tests and for `portal` run by an administrator.
CALLS = {
    "get_item": "dynamodb:GetItem",
    "put_item": "dynamodb:PutItem",
    "update_item": "dynamodb:UpdateItem",
    "delete_item": "dynamodb:DeleteItem",
    "query": "dynamodb:Query",
    "scan": "dynamodb:Scan",
    "batch_get_item": "dynamodb:BatchGetItem",
    "batch_write_item": "dynamodb:BatchWriteItem",
    "transact_get_items": "dynamodb:GetItem",
    # No action of its own: each item of the transaction needs its own (TRANSACT_ITEMS).
    "transact_write_items": None,
}
TRANSACT_ITEMS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}
ADMIN_CALLS = {"create_table", "describe_table", "describe_time_to_live", "update_time_to_live", "delete_table"}
# Used by the code, on purpose not granted to the functions: revoking a moderator
# (`portal moderators revoke`, run with an administrator's credentials) deletes its token item.
NOT_FOR_FUNCTIONS = {
    "dynamodb:DeleteItem": "portal moderators revoke (administrateur)",
    "dynamodb:BatchWriteItem": "portal sources (rôle de publication)",
}


def code_actions():
    code = dynamo_code()
    calls = set(re.findall(r"\.client\s*\.(\w+)\(\)", code))
    unknown = calls - set(CALLS) - ADMIN_CALLS
    for call in sorted(unknown):
        problem(f"store/dynamo/ appelle {call}() : action IAM inconnue de ce test, à ajouter à CALLS")
    actions = {CALLS[c] for c in calls if CALLS.get(c)}
    for kind, action in TRANSACT_ITEMS.items():
        if re.search(rf"\b{kind}::builder\(\)", code):
            actions.add(action)
    if "index_name(QUEUE_INDEX)" in code:
        actions.add("dynamodb:Query@index")
    return actions


def policy_actions(function):
    """(action, resource) pairs of a SAM function's inline policies."""
    pairs = []
    for policy in function["Properties"].get("Policies", []):
        if not isinstance(policy, dict) or "Statement" not in policy:
            problem(f"politique non en ligne ({policy}) : le moindre privilège n'est plus vérifiable")
            continue
        for st in policy["Statement"]:
            if st.get("Effect") != "Allow":
                continue
            actions = st["Action"] if isinstance(st["Action"], list) else [st["Action"]]
            resources = st["Resource"] if isinstance(st["Resource"], list) else [st["Resource"]]
            for a in actions:
                for r in resources:
                    pairs.append((a, json.dumps(r, sort_keys=True)))
    return pairs


def check_template(path):
    template = load_template(path)
    res = template["Resources"]
    source = dynamo_code()

    # The table the code expects (DynamoStore::create_table).
    table = res["Table"]["Properties"]
    index_name = rust_const("QUEUE_INDEX", source)
    ttl_attr = rust_const("TTL_ATTRIBUTE", source)
    keys = {k["AttributeName"]: k["KeyType"] for k in table["KeySchema"]}
    if keys != {"pk": "HASH", "sk": "RANGE"}:
        problem(f"clés de la table {keys}, le code attend pk (HASH), sk (RANGE)")
    gsis = {g["IndexName"]: g for g in table.get("GlobalSecondaryIndexes", [])}
    if index_name not in gsis:
        problem(f"l'index « {index_name} » (QUEUE_INDEX) manque à la table")
    else:
        g = gsis[index_name]
        gkeys = {k["AttributeName"]: k["KeyType"] for k in g["KeySchema"]}
        if gkeys != {"gsi1pk": "HASH", "gsi1sk": "RANGE"}:
            problem(f"clés de l'index {gkeys}, le code attend gsi1pk, gsi1sk")
        if g["Projection"]["ProjectionType"] != "ALL":
            problem("l'index doit projeter ALL (la file relit « data » depuis l'index)")
    ttl = table.get("TimeToLiveSpecification", {})
    if ttl.get("AttributeName") != ttl_attr or ttl.get("Enabled") is not True:
        problem(f"TTL {ttl}, le code attend {ttl_attr} activé")
    if table.get("BillingMode") != "PAY_PER_REQUEST":
        problem("la table doit être à la demande (PAY_PER_REQUEST)")
    if not table.get("PointInTimeRecoverySpecification", {}).get("PointInTimeRecoveryEnabled"):
        problem("la restauration à un instant donné (PITR) doit être activée")
    print(f"  table : pk/sk, index {index_name} (gsi1pk, gsi1sk, ALL), TTL sur {ttl_attr}, à la demande, PITR")

    # IAM: every action the code's calls need is granted to a function (or is on purpose
    # not), and nothing else: no wildcard, no other resource than the table and its index.
    needed = code_actions()
    table_arn = json.dumps({"Fn::GetAtt": ["Table", "Arn"]}, sort_keys=True)
    index_arn = json.dumps({"Fn::Sub": "${Table.Arn}/index/" + index_name}, sort_keys=True)
    granted = set()
    ses_arn = json.dumps(
        {"Fn::Sub": "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${MailIdentity}"},
        sort_keys=True,
    )
    for name in ("SubmitFunction", "ModerationFunction", "ExchangeFunction"):
        for action, resource in policy_actions(res[name]):
            if "*" in action:
                problem(f"{name} : action générique {action}")
            if action == "ses:SendEmail":
                # Only from the site's sender identity.
                if resource != ses_arn:
                    problem(f"{name} : ses:SendEmail sur {resource}, pas sur l'identité MailIdentity")
                continue
            if resource == table_arn:
                granted.add(action)
            elif resource == index_arn:
                granted.add(action + "@index")
            else:
                problem(f"{name} : ressource hors de la table et de son index : {resource}")
            if action.split("@")[0] not in {a.split("@")[0] for a in needed}:
                problem(f"{name} : {action} accordé mais jamais utilisé par store/dynamo/")
    for action in sorted(needed):
        if action in granted:
            continue
        if action in NOT_FOR_FUNCTIONS:
            print(f"  {action} : utilisé par {NOT_FOR_FUNCTIONS[action]}, non accordé aux fonctions")
            continue
        problem(f"store/dynamo/ utilise {action}, accordé à aucune fonction")
    print(f"  IAM des fonctions : {', '.join(sorted(granted))} — rien d'autre")

    # The functions' HTML pages: their <style> block is allowed by its hash, and only it.
    expected = style_hash(inline_style())
    api = csp(template, "ApiHeadersPolicy")
    if expected not in api.get("style-src", []):
        problem(f"style-src de ApiHeadersPolicy {api.get('style-src')} ; le style de html.rs a l'empreinte {expected}")
    site = csp(template, "SiteHeadersPolicy")
    for directive in ("script-src", "style-src"):
        for word in site.get(directive, []):
            if word in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:"):
                problem(f"SiteHeadersPolicy : {directive} {word}")
    # With AddressSearch, the site's policy with one more source, the address service, in
    # connect-src only (site.toml's [forms] address_search).
    with_address = csp(template, "SiteHeadersPolicyAddressSearch")
    if {k: v for k, v in with_address.items() if k != "connect-src"} != {k: v for k, v in site.items() if k != "connect-src"} \
            or with_address.get("connect-src") != site.get("connect-src", []) + ["https://api-adresse.data.gouv.fr"]:
        problem(f"SiteHeadersPolicyAddressSearch diffère de SiteHeadersPolicy ailleurs que dans connect-src : {with_address}")
    print(f"  CSP : pages du site script-src/style-src 'self' ; pages des fonctions style-src {expected} ; "
          f"connect-src {' '.join(site.get('connect-src', []))}, et api-adresse.data.gouv.fr avec AddressSearch")

    # The routes of the contract.
    routes = sorted(r["Properties"]["RouteKey"] for r in res.values() if r["Type"] == "AWS::ApiGatewayV2::Route")
    contract = sorted(
        [
            "POST /api/submissions",
            "GET /api/submissions/token",
            "GET /api/submissions/{id}/status",
            "GET /api/moderation/submissions",
            "GET /api/moderation/submissions/{id}",
            "POST /api/moderation/submissions/{id}/decision",
            # The exchange (docs/exchange.md).
            "POST /api/calls/{slug}/signups",
            "GET /api/calls/{slug}/places",
            "GET /api/signups/{id}",
            "POST /api/signups/{id}/cancel",
            "GET /api/publisher/calls/{call}",
            "POST /api/publisher/calls/{call}/{action}",
            "POST /api/listings/{slug}/answers",
            "GET /api/listings/{slug}/answers/{id}",
            "GET /api/listings/{slug}/state",
            "GET /api/publisher/listings/{slug}",
            "POST /api/publisher/listings/{slug}/{action}",
            "GET /api/moderation/calls/{slug}",
            "GET /api/moderation/listings/{slug}",
            "POST /api/moderation/signups/{id}/purge",
            "POST /api/moderation/associations/{slug}/revoke",
        ]
    )
    if routes != contract:
        problem(f"routes {routes}, le contrat {contract}")
    print(f"  {len(routes)} routes du contrat")
    done("modèle et code des fonctions")


def translate(path, out):
    """The SAM transform into plain CloudFormation, as `sam deploy` has AWS do it."""
    import os

    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.translator.transform import transform

    # The region the pseudo-parameters resolve in (Paris); no call is made to AWS.
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-3")

    template = load_template(path)
    raw = json.loads(json.dumps(template, default=str))

    class NoIam:
        # Inline policies only: no managed policy to look up in IAM.
        def load(self):
            return {}

    # CodeUri is packaged by `sam deploy` into an S3 location; stand in for it.
    for res in raw["Resources"].values():
        if res["Type"] == "AWS::Serverless::Function":
            res["Properties"]["CodeUri"] = "s3://bucket/key.zip"
    try:
        cfn = transform(raw, {}, NoIam())
    except InvalidDocumentException as e:
        for cause in e.causes:
            problem(cause.message)
        done("transformation SAM")
    Path(out).write_text(json.dumps(cfn, indent=1))
    kinds = sorted({r["Type"] for r in cfn["Resources"].values()})
    print(f"  {len(cfn['Resources'])} ressources CloudFormation : {', '.join(kinds)}")
    done("transformation SAM")


def create_table(path, name):
    """The template's table on the DynamoDB of AWS_ENDPOINT_URL_DYNAMODB (moto)."""
    import os

    import boto3

    props = load_template(path)["Resources"]["Table"]["Properties"]
    ddb = boto3.client(
        "dynamodb",
        endpoint_url=os.environ["AWS_ENDPOINT_URL_DYNAMODB"],
        region_name=os.environ["AWS_REGION"],
    )
    ddb.create_table(
        TableName=name,
        BillingMode=props["BillingMode"],
        AttributeDefinitions=props["AttributeDefinitions"],
        KeySchema=props["KeySchema"],
        GlobalSecondaryIndexes=props["GlobalSecondaryIndexes"],
    )
    ddb.get_waiter("table_exists").wait(TableName=name)
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification=props["TimeToLiveSpecification"])
    ddb.update_continuous_backups(
        TableName=name,
        PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True},
    )
    print(f"  table {name} créée d'après template.yaml (Resources.Table) sur {ddb.meta.endpoint_url}")


# ------------------------------------------------------------------ the workflow


def check_workflow(path):
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    try:
        wf = yaml.safe_load(text)
    except yaml.YAMLError as e:
        problem(f"YAML illisible : {e}")
        done("workflow")
    # YAML 1.1 reads the key `on` as True.
    triggers = wf.get("on", wf.get(True))
    for needed in ("push", "schedule"):
        if needed not in (triggers or {}):
            problem(f"déclencheur {needed} absent")
    scripts = []
    for job_name, job in wf.get("jobs", {}).items():
        for i, step in enumerate(job.get("steps", [])):
            if "run" in step:
                scripts.append((f"{job_name}, étape {i + 1} ({step.get('name', '')})", step["run"]))
    checked = 0
    shellcheck = Path(sys.executable).parent / "shellcheck"
    for where, script in scripts:
        # ${{ … }} is replaced by the runner before bash sees the script.
        body = re.sub(r"\$\{\{[^}]*\}\}", "EXPR", script)
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
            f.write("#!/usr/bin/env bash\nset -eo pipefail\n" + body)
        r = subprocess.run([str(shellcheck), "-s", "bash", f.name], capture_output=True, text=True)
        Path(f.name).unlink()
        if r.returncode != 0:
            problem(f"shellcheck, {where} :\n{r.stdout}")
        checked += 1
    print(f"  {len(wf.get('jobs', {}))} travaux, {checked} scripts run: passés par shellcheck")
    done(f"workflow {Path(path).name}")


def cf_function(path, site):
    """The viewer-request function (IndexFunction) on the site's own addresses."""
    template = load_template(path)
    code = template["Resources"]["IndexFunction"]["Properties"]["FunctionCode"]
    site = Path(site)
    cases = [("/", "/index.html", None)]
    for page in sorted(site.rglob("index.html"))[:40]:
        folder = "/" + page.parent.relative_to(site).as_posix()
        if folder == "/.":
            continue
        cases.append((folder + "/", folder + "/index.html", None))
        cases.append((folder, None, folder + "/"))
    for f in ["/assets/" + a.name for a in (site / "assets").iterdir()] + ["/sitemap.xml", "/robots.txt", "/donnees/associations.csv"]:
        cases.append((f, f, None))
    harness = code + """
const cases = JSON.parse(process.argv[1]);
let bad = 0;
for (const [uri, object, redirect] of cases) {
  const out = handler({ request: { uri, method: "GET", querystring: {}, headers: {} } });
  const got = out.statusCode ? ["redirect", out.statusCode, out.headers.location.value] : ["object", out.uri];
  const want = redirect ? ["redirect", 301, redirect] : ["object", object];
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    console.log(`  PROBLÈME : ${uri} → ${JSON.stringify(got)}, attendu ${JSON.stringify(want)}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
"""
    r = subprocess.run(["node", "-e", harness, json.dumps(cases)], capture_output=True, text=True)
    print(r.stdout, end="")
    if r.returncode != 0:
        problem(f"fonction CloudFront : {r.stderr.strip() or 'adresses mal servies'}")
    for uri, obj, _ in cases:
        if obj and not (site / obj.lstrip("/")).is_file():
            problem(f"{uri} → {obj}, absent du site construit")
    print(f"  {len(cases)} adresses : dossier → index.html, sans barre finale → 301, fichiers tels quels")

    # The header's search box without JavaScript: its table is the lexicon's words of the
    # needs, folded and singular; a plain word leads to a need page the site has, any
    # other query to the search page.
    import tomllib
    lexicon = tomllib.loads((ROOT / "functions/model/src/data/fr/lexicon.toml").read_text())
    singular = lambda w: w[:-1] if len(w) > 3 and w[-1] in "sx" else w
    want = {}
    for group in lexicon["group"]:
        for word in group.get("typed", []) if "need" in group else []:
            want.setdefault(singular(word), group["need"])
    searches = [("manger", "manger"), ("Dormir", "dormir"), ("une%20douche", "se-laver"),
                ("v%C3%AAtements", "s-habiller"), ("40+kg+de+pommes", None), ("%E2%80%A6%ZZ", None)]
    probe = code + """
const [table, searches] = JSON.parse(process.argv[1]);
let bad = 0;
if (JSON.stringify(NEEDS) !== JSON.stringify(table)) { console.log("  PROBLÈME : la table NEEDS n'est pas celle de lexicon.toml"); bad++; }
for (const [q, need] of searches) {
  const out = handler({ request: { uri: "/recherche/", method: "GET", querystring: { q: { value: q } }, headers: {} } });
  const got = out.statusCode ? out.headers.location.value : out.uri;
  const expected = need ? `/besoin/${need}/` : "/recherche/index.html";
  if (got !== expected) { console.log(`  PROBLÈME : /recherche/?q=${q} → ${got}, attendu ${expected}`); bad++; }
}
process.exit(bad ? 1 : 0);
"""
    r = subprocess.run(["node", "-e", probe, json.dumps([want, searches])], capture_output=True, text=True)
    print(r.stdout, end="")
    if r.returncode != 0:
        problem(f"fonction CloudFront, recherche : {r.stderr.strip() or 'mots mal menés'}")
    for need in set(want.values()):
        if not (site / "besoin" / need / "index.html").is_file():
            problem(f"/besoin/{need}/ : la recherche y mène, le site construit ne l'a pas")
    print(f"  recherche sans JavaScript : {len(want)} mots simples mènent à {len(set(want.values()))} besoins ; les autres à /recherche/")
    done("fonction CloudFront IndexFunction")


def workflow_step(path, name):
    import yaml

    wf = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    for job in wf["jobs"].values():
        for step in job.get("steps", []):
            if step.get("name") == name:
                return step
    problem(f"étape « {name} » absente du workflow")
    done("workflow")


def sync(path, site):
    """The step « Envoi du site sur S3 », run by bash against moto's S3."""
    import os
    import shutil

    import boto3

    step = workflow_step(path, "Envoi du site sur S3")
    endpoint = os.environ["AWS_ENDPOINT_URL_DYNAMODB"]  # moto serves every service there
    work = Path(tempfile.mkdtemp())
    shutil.copytree(site, work / "public")
    config = work / "aws-config"
    config.write_text("[default]\ns3 =\n    addressing_style = path\n")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "AWS_ENDPOINT_URL_S3": endpoint,
        "AWS_CONFIG_FILE": str(config),
        "SITE": str(work / "public"),
        "BUCKET": "portail-test-site",
    }
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name=os.environ["AWS_REGION"])
    s3.create_bucket(
        Bucket=env["BUCKET"],
        CreateBucketConfiguration={"LocationConstraint": os.environ["AWS_REGION"]},
    )

    def run():
        r = subprocess.run(["bash", "-c", step["run"]], env=env, capture_output=True, text=True)
        if r.returncode != 0:
            problem(f"l'étape a échoué ({r.returncode}) :\n{r.stdout}\n{r.stderr}")
            done("envoi du site")
        return r.stdout

    def objects():
        out = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=env["BUCKET"]):
            for o in page.get("Contents", []):
                head = s3.head_object(Bucket=env["BUCKET"], Key=o["Key"])
                out[o["Key"]] = (head["ContentType"], head.get("CacheControl"))
        return out

    first = run()
    stored = objects()
    local = work / "public"
    files = [f for f in local.rglob("*") if f.is_file()]
    public = sorted(f.relative_to(local).as_posix() for f in files)
    public = [k for k in public if k not in ("donnees/formulaires.json", ".portal-build")]
    # The list of what was sent: every public file with its SHA-256, as sha256sum writes it.
    try:
        sums = s3.get_object(Bucket=env["BUCKET"], Key="empreintes.sha256")["Body"].read().decode()
    except s3.exceptions.NoSuchKey:
        sums = ""
    listed = {line[66:]: line[:64] for line in sums.splitlines()}
    if sorted(listed) != public:
        problem("empreintes.sha256 ne liste pas exactement les fichiers publics du site")
    wrong = [k for k in public if listed.get(k) != hashlib.sha256((local / k).read_bytes()).hexdigest()]
    if wrong:
        problem(f"empreintes.sha256 : mauvaise empreinte pour {len(wrong)} fichiers, dont {wrong[0]}")
    if f"{len(public)} fichiers nouveaux ou changés sur {len(public)}" not in first:
        problem(f"premier envoi : tous les fichiers attendus comme nouveaux, l'étape dit {first.strip()!r}")
    expected_types = {
        ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
        ".geojson": "application/geo+json; charset=utf-8", ".csv": "text/csv; charset=utf-8",
        ".ics": "text/calendar; charset=utf-8", ".xml": "application/xml; charset=utf-8",
        ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
    }
    for f in files:
        key = f.relative_to(local).as_posix()
        if key in ("donnees/formulaires.json", ".portal-build"):
            if key in stored:
                problem(f"{key} envoyé : il n'est pas pour les visiteurs")
            continue
        if key not in stored:
            problem(f"{key} absent du seau")
            continue
        ctype, cache = stored[key]
        want = expected_types.get(f.suffix)
        if want and ctype != want:
            problem(f"{key} : Content-Type {ctype}, attendu {want}")
        if key.startswith("assets/"):
            if cache != "public, max-age=31536000, immutable":
                problem(f"{key} : Cache-Control {cache}, attendu un an, immutable")
        elif cache != "public, max-age=300":
            problem(f"{key} : Cache-Control {cache}, attendu 5 minutes")

    # A page gone and an asset replaced: the page is deleted, the old asset kept. A page
    # changed without changing its size is sent; the others are not sent again (the object
    # of one of them, altered in the bucket meanwhile, stays as it is).
    pages = [f for f in files if f.name == "index.html" and f.parent != local]
    gone, changed, untouched = pages[0], pages[1], pages[2]
    gone.unlink()
    old_asset = next((local / "assets").glob("*.css"))
    old_asset.rename(old_asset.with_name("style.00000000.css"))
    text = changed.read_bytes()
    new_text = text.replace(b"<main", b"<MAIN", 1)
    assert len(new_text) == len(text) and new_text != text
    changed.write_bytes(new_text)
    key_of = lambda f: f.relative_to(local).as_posix()
    marker = bytes(reversed(untouched.read_bytes()))
    s3.put_object(Bucket=env["BUCKET"], Key=key_of(untouched), Body=marker)
    # Dates that would fool a comparison of sizes and dates both ways: every file newer than
    # the bucket's copy (as after a fresh checkout and build), the changed one older.
    import os
    import time
    for f in local.rglob("*"):
        if f.is_file():
            os.utime(f, (time.time() + 3600,) * 2)
    os.utime(changed, (time.time() - 86400,) * 2)
    second = run()
    if f"2 fichiers nouveaux ou changés sur {len(public) - 1}" not in second:
        problem(f"second envoi : 2 fichiers changés attendus (la page et la feuille de style), l'étape dit {second.strip()!r}")
    body = lambda key: s3.get_object(Bucket=env["BUCKET"], Key=key)["Body"].read()
    if body(key_of(changed)) != new_text:
        problem(f"{key_of(changed)} changé sans changer de taille, mais pas envoyé")
    if body(key_of(untouched)) != marker:
        problem(f"{key_of(untouched)}, inchangé, a été envoyé de nouveau")
    after = objects()
    if gone.relative_to(local).as_posix() in after:
        problem(f"{gone.relative_to(local)} supprimé du site mais resté dans le seau")
    if f"assets/{old_asset.name}" not in after:
        problem("un ancien fichier de assets/ a été supprimé (les pages en cache le demandent encore)")
    if "assets/style.00000000.css" not in after:
        problem("le nouveau fichier de assets/ n'a pas été envoyé")
    shutil.rmtree(work)
    print(
        f"  {len(stored)} objets envoyés sur le S3 de moto ; types et Cache-Control de chacun "
        f"vérifiés ; puis seuls une page changée à taille égale et un nouvel asset envoyés, "
        f"page retirée supprimée, anciens assets gardés"
    )
    done("étape « Envoi du site sur S3 » du workflow")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {
        "site": check_site,
        "template": check_template,
        "translate": translate,
        "create-table": create_table,
        "workflow": check_workflow,
        "sync": sync,
        "cf-function": cf_function,
    }[command](*args)
