# billing_add_plugin(<target> MANIFEST <plugin.json> SOURCES <src>...
#                    [OUTPUT_DIR <dir>] [INSTALL_DIR <dir>])
#
# Builds a plugin the one way every plugin is built, in the tree or out of it:
# a MODULE library named after the manifest's id, hidden visibility, linked
# with --no-undefined against the SDK target only, its plugin.json copied
# beside it, and its web/ folder (the dashboard page named by the manifest's
# "web" entry), if it has one. OUTPUT_DIR is the plugins directory to build into (the plugin
# lands in <OUTPUT_DIR>/<id>/); INSTALL_DIR likewise for `cmake --install`.
function(billing_add_plugin target)
  cmake_parse_arguments(ARG "" "MANIFEST;OUTPUT_DIR;INSTALL_DIR" "SOURCES" ${ARGN})
  if(NOT ARG_MANIFEST OR NOT ARG_SOURCES)
    message(FATAL_ERROR "billing_add_plugin(${target}): MANIFEST and SOURCES are required")
  endif()
  get_filename_component(manifest "${ARG_MANIFEST}" ABSOLUTE)
  file(READ "${manifest}" manifest_text)
  string(JSON plugin_id ERROR_VARIABLE id_error GET "${manifest_text}" id)
  if(id_error)
    message(FATAL_ERROR "billing_add_plugin(${target}): ${manifest} has no \"id\": ${id_error}")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${CMAKE_BINARY_DIR}/plugins")
  endif()
  set(plugin_dir "${ARG_OUTPUT_DIR}/${plugin_id}")

  add_library(${target} MODULE ${ARG_SOURCES})
  if(TARGET BillingSDK::sdk)
    target_link_libraries(${target} PRIVATE BillingSDK::sdk)
  else()
    target_link_libraries(${target} PRIVATE billing_sdk)
  endif()
  target_compile_features(${target} PRIVATE cxx_std_20)
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "${plugin_id}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${plugin_dir}")
  # The manifest travels with the library: the host reads it before loading code.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${manifest}" "${plugin_dir}/plugin.json"
    VERBATIM)
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${manifest}")
  get_filename_component(source_dir "${manifest}" DIRECTORY)
  set(web_dir "${source_dir}/web")
  if(IS_DIRECTORY "${web_dir}")
    file(GLOB_RECURSE web_files CONFIGURE_DEPENDS "${web_dir}/*")
    set(web_stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_web.stamp")
    add_custom_command(OUTPUT "${web_stamp}"
      COMMAND ${CMAKE_COMMAND} -E rm -rf "${plugin_dir}/web"
      COMMAND ${CMAKE_COMMAND} -E copy_directory "${web_dir}" "${plugin_dir}/web"
      COMMAND ${CMAKE_COMMAND} -E touch "${web_stamp}"
      DEPENDS ${web_files}
      COMMENT "Copying the web page of plugin ${plugin_id}"
      VERBATIM)
    add_custom_target(${target}_web DEPENDS "${web_stamp}")
    add_dependencies(${target} ${target}_web)
  endif()
  if(ARG_INSTALL_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION "${ARG_INSTALL_DIR}/${plugin_id}")
    install(FILES "${manifest}" DESTINATION "${ARG_INSTALL_DIR}/${plugin_id}")
    if(IS_DIRECTORY "${web_dir}")
      install(DIRECTORY "${web_dir}/" DESTINATION "${ARG_INSTALL_DIR}/${plugin_id}/web")
    endif()
  endif()
endfunction()
