-- wrk script: walks the URL paths listed in $CRAWL_URLS (one a line) in
-- order, each connection from its own starting point, asking for gzip on
-- every other request: a crawler reading an archive. With CRAWL_DELAY_MS,
-- each connection waits that long between requests (a polite crawler's
-- pace: connections * 1000 / delay requests a second).
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("CRAWL_URLS")) do
    paths[#paths + 1] = line
  end
  next_index = math.random(#paths)
end

local pause = tonumber(os.getenv("CRAWL_DELAY_MS") or "0")

function delay()
  return pause
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  local headers = {}
  if next_index % 2 == 0 then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", path, headers)
end
