function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var name = function(i){ return i == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + i + "." + _sPageExt; };
  var html = "";
  html += _nCurrIndex == 0 ? "<span>首页</span> <span>上一页</span> " : "<a href=\"" + name(0) + "\">首页</a> <a href=\"" + name(_nCurrIndex - 1) + "\">上一页</a> ";
  html += _nCurrIndex == _nPageCount - 1 ? "<span>下一页</span> <span>尾页</span>" : "<a href=\"" + name(_nCurrIndex + 1) + "\">下一页</a> <a href=\"" + name(_nPageCount - 1) + "\">尾页</a>";
  document.write(html + " 共" + _nPageCount + "页");
}
