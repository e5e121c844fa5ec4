# ASan+UBSan for every target, plugins included, so a plugin's memory errors
# show up in the host's tests too.
if(BILLING_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
