/* Review site: filters on the index, copy buttons for correction lines. No data lives here: all of it is
   in the escaped HTML, read back through data- attributes and textContent only. */
(function () {
  var table = document.getElementById('docs');
  if (table) {
    var flags = Array.prototype.slice.call(document.querySelectorAll('input.flag'));
    var type = document.getElementById('doctype');
    var search = document.getElementById('search');
    var apply = function () {
      var wanted = flags.filter(function (f) { return f.checked; }).map(function (f) { return f.value; });
      var words = search.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var own = row.getAttribute('data-flags').split(' ');
        var show = wanted.every(function (f) { return own.indexOf(f) >= 0; })
          && (!type.value || row.getAttribute('data-type') === type.value)
          && (!words || row.getAttribute('data-search').indexOf(words) >= 0);
        row.hidden = !show;
      });
    };
    flags.forEach(function (f) { f.addEventListener('change', apply); });
    type.addEventListener('change', apply);
    search.addEventListener('input', apply);
  }
  // A correction line starts with the 64-character doc_id: show its end (key, field, value) instead.
  Array.prototype.forEach.call(document.querySelectorAll('.fix input'), function (input) {
    input.title = input.value;
    input.scrollLeft = input.scrollWidth;
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var input = button.parentNode.querySelector('input');
      input.select();
      var done = function () { button.textContent = 'คัดลอกแล้ว'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });
})();
