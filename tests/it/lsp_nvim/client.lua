-- Driven by tests/it/lsp_nvim.rs: opens a map in headless Neovim with argmap's language
-- server attached (Neovim's own LSP client), writes the diagnostics Neovim received,
-- then asks for the definition of the id under the cursor and writes where the cursor
-- went. Paths come from the environment.
local map = os.getenv("ARGMAP_MAP")
local out = os.getenv("ARGMAP_OUT")
local bin = os.getenv("ARGMAP_BIN")

local lines = {}
local function finish()
  local f = assert(io.open(out, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd("qa!")
end

vim.cmd("edit " .. vim.fn.fnameescape(map))
local buf = vim.api.nvim_get_current_buf()
local config = { name = "argmap", cmd = { bin, "lsp" }, root_dir = vim.fn.fnamemodify(map, ":h") }
if vim.lsp.start then
  vim.lsp.start(config)
else
  -- Neovim 0.7 (Debian 12) has no vim.lsp.start: the same, in two calls.
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  table.insert(lines, "no diagnostics")
  finish()
  return
end
local got = vim.diagnostic.get(buf)
table.sort(got, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(got) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(lines, string.format("diagnostic %d:%d-%d:%d %s %s: %s", d.lnum, d.col, d.end_lnum, d.end_col,
    d.severity == vim.diagnostic.severity.ERROR and "error" or "warning", tostring(code), d.message))
end

-- On `T1` in `supports: [T1, T9]` (line 8; columns from 0).
vim.api.nvim_win_set_cursor(0, { 8, 16 })
vim.lsp.buf.definition()
vim.wait(30000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= 8 end, 20)
local c = vim.api.nvim_win_get_cursor(0)
table.insert(lines, string.format("cursor %d:%d", c[1], c[2]))
finish()
