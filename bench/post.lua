-- wrk script: POST /api/submissions (JSON), each request a different listing with its own
-- Idempotency-Key, so that none is taken for a retry. BENCH_ASSOCIATION names an
-- association of the site. Prints p50 and p99 latency and the non-2xx count at the end.
local association = os.getenv("BENCH_ASSOCIATION") or "association"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local key = string.format("bench-%d-%d-%d", id, counter, os.time())
  local body = string.format(
    '{"type":"resource","target":null,"fields":{"title":"Congélateur coffre, demande %d-%d",' ..
    '"association":"%s","kind":"request","category":"equipment"},' ..
    '"body":"Nous cherchons un congélateur coffre en bon état, d\'au moins 200 litres.",' ..
    '"contact_email":"benevole@example.org"}', id, counter, association)
  return wrk.format("POST", "/api/submissions",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end

-- The summary line, written by get.lua for both scripts (bench/functions sets BENCH_LUA).
dofile(os.getenv("BENCH_LUA") .. "/get.lua")
