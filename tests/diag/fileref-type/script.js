alert("not an image")
