function doZoom(size){var el=document.getElementById('zoom');if(el){el.style.fontSize=size+'px';}}
function share(to){window.open('about:blank');}
function addFavorite(){try{window.external.addFavorite(location.href,document.title);}catch(e){alert('请使用Ctrl+D收藏本页');}}
