-- Template of the init.lua test/server/neovim.test.ts runs: Neovim's built-in LSP
-- client (0.7 API) attached to `node dist/server.js --stdio`, an independent client.
-- The test fills the {{…}} placeholders (JSON strings and numbers, valid Lua literals).
-- It waits for the diagnostics, asks a hover, writes both to a JSON file and quits.
local node = {{NODE}}
local server = {{SERVER}}
local root = {{ROOT}}
local out = {{OUT}}
local hover_position = { line = {{HOVER_LINE}}, character = {{HOVER_CHARACTER}} }

local function write(result)
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function run()
  vim.bo.filetype = 'yaml'
  local id = vim.lsp.start_client({ name = 'atelier-kubernetes', cmd = { node, server, '--stdio' }, root_dir = root })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(0, id)
  local published = vim.wait(10000, function()
    return #vim.diagnostic.get(0) > 0
  end, 20)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message })
  end
  local client = vim.lsp.get_client_by_id(id)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = hover_position }
  local response, err = client.request_sync('textDocument/hover', params, 5000, 0)
  write({
    published = published,
    diagnostics = diagnostics,
    hover = response and response.result or vim.NIL,
    error = err or (response and response.err) or vim.NIL,
  })
  client.stop()
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, message = pcall(run)
    if not ok then
      write({ error = tostring(message) })
    end
    vim.cmd('qall!')
  end,
})
