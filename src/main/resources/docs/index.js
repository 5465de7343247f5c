(function () {
  'use strict';
  var search = document.getElementById('q');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-attr]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rules tbody tr'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');

  function matches(row, text) {
    if (text !== '' && row.getAttribute('data-name').indexOf(text) < 0) {
      return false;
    }
    return selects.every(function (s) {
      return s.value === '' || row.getAttribute('data-' + s.getAttribute('data-attr')).indexOf('|' + s.value + '|') >= 0;
    });
  }

  function apply() {
    var text = search.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var ok = matches(row, text);
      row.hidden = !ok;
      if (ok) {
        n++;
      }
    });
    shown.textContent = String(n);
    empty.hidden = n !== 0;
  }

  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  search.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
}());
