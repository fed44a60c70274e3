-- wrk script for bench/http.sh: BENCH_MODE selects the request; done() prints one machine-readable line.
local mode = os.getenv("BENCH_MODE") or "index"
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1000")
local owners = tonumber(os.getenv("BENCH_OWNERS") or "1")
-- The API endpoints need a bearer token (http.sh mints one); the index endpoint is public.
local bearer = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }
local json = { ["Content-Type"] = "application/json", ["Authorization"] = bearer["Authorization"] }

-- post-user: tells this run's addresses from an earlier run's (the warm-up's) and one thread's from another's
started = os.time()
local threads_set_up = 0
setup = function(thread)
  threads_set_up = threads_set_up + 1
  thread:set("thread_id", threads_set_up)
end

request = function()
  if mode == "get-by-id" then
    return wrk.format("GET", "/pets/" .. math.random(1, max_id), bearer)
  elseif mode == "list" then
    return wrk.format("GET", "/pets?page=0&size=20", bearer)
  elseif mode == "post-user" then
    -- a new address each time: this run's start, the thread (each has its own Lua state) and a count
    created = (created or 0) + 1
    local body = '{"name":"bench","email":"b' .. started .. '-' .. (thread_id or 0) .. '-' .. created
      .. '@bench.example"}'
    return wrk.format("POST", "/users", json, body)
  elseif mode == "post" then
    local body = '{"name":"bench","species":"DOG","ownerId":' .. math.random(1, owners) .. '}'
    return wrk.format("POST", "/pets", json, body)
  end
  return wrk.format("GET", "/")
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %.1f %.2f %.2f %d %d %d\n", mode, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, socket_errors,
    summary.requests))
end
