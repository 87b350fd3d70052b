-- wrk script: each request takes the next path from the list in CCKB_PATHS_FILE,
-- so the load is a mix of list, detail, filter and search pages.
local paths = {}
local counter = 0

function init(args)
    local file = io.open(os.getenv("CCKB_PATHS_FILE"), "r")
    for line in file:lines() do
        if #line > 0 then paths[#paths + 1] = line end
    end
    file:close()
end

function request()
    counter = counter + 1
    local path = paths[(counter % #paths) + 1]
    return wrk.format("GET", path)
end

local non_2xx = 0
function response(status, headers, body)
    if status < 200 or status >= 300 then non_2xx = non_2xx + 1 end
end
