-- Drives `tact lsp` from a real Neovim (0.7 and later): open a draft, wait
-- for diagnostics, apply the preferred quick fix for "reproach" (from the
-- test pack in $TACT_PACK),
-- write the buffer. Every outcome goes to $TACT_LOG; any failure quits
-- with a non-zero status. Started as:
--   nvim --headless --clean -u NONE -c "luafile init.lua"
local log_path = os.getenv("TACT_LOG")
local function log(line)
  local f = io.open(log_path, "a")
  f:write(line .. "\n")
  f:close()
end
local function fail(why)
  log("FAIL " .. why)
  vim.cmd("cquit! 1")
end

local ok, err = pcall(function()
  local draft = os.getenv("TACT_DRAFT")
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = "tact",
    cmd = { os.getenv("TACT_BIN"), "lsp" },
    root_dir = vim.fn.fnamemodify(draft, ":h"),
    init_options = { rules = { os.getenv("TACT_PACK") }, select = { "lsp-demo" } },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not client_id then return fail("could not start tact lsp") end

  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) >= 4 end, 20) then
    return fail("no diagnostics within 15 s (got " .. #vim.diagnostic.get(bufnr) .. ")")
  end
  local client = vim.lsp.get_client_by_id(client_id)
  log("ENCODING " .. client.offset_encoding)
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    log(string.format("DIAG %s %d:%d", d.code, d.lnum, d.col))
    if d.code == "reproach" and (target == nil or d.lnum < target.lnum) then target = d end
  end
  if not target then return fail("no reproach diagnostic") end

  -- Ask for code actions at the finding, with the diagnostic as context.
  local line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  local function column(byte)
    if client.offset_encoding == "utf-8" then return byte end
    local _, utf16 = vim.str_utfindex(line, byte)
    return utf16
  end
  local range = {
    start = { line = target.lnum, character = column(target.col) },
    ["end"] = { line = target.end_lnum, character = column(target.end_col) },
  }
  local lsp_diagnostic = vim.tbl_extend("force", target.user_data.lsp, {
    range = range, message = target.message, source = target.source, code = target.code, severity = 2,
  })
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = { lsp_diagnostic }, only = { "quickfix" } },
  }
  local response = client.request_sync("textDocument/codeAction", params, 10000, bufnr)
  if not response or response.err then return fail("codeAction failed: " .. vim.inspect(response)) end
  local chosen
  for _, action in ipairs(response.result or {}) do
    log("ACTION " .. action.title)
    if action.isPreferred then chosen = chosen or action end
  end
  if not chosen then return fail("no preferred quick fix") end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  vim.cmd("write")
  log("APPLIED " .. chosen.title)
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  log("DONE")
  vim.cmd("qall!")
end)
if not ok then fail("lua error: " .. tostring(err)) end
