// Loaded before decap-cms.js: microvet-editor.js registers the catalogue's file formats first,
// then starts the editor itself.
window.CMS_MANUAL_INIT = true;
